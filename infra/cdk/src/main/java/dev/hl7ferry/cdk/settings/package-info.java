/** Deployment choices from CDK context, validated once: sites, trust, retention, alarm limits. */
package dev.hl7ferry.cdk.settings;
