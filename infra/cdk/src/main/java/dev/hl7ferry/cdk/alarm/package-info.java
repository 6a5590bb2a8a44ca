/** CloudWatch alarms and the SNS topic they notify. */
package dev.hl7ferry.cdk.alarm;
