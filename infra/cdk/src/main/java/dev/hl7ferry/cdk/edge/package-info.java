/** Per-site edge roles and the IAM Roles Anywhere trust anchor and profile edges take them with. */
package dev.hl7ferry.cdk.edge;
