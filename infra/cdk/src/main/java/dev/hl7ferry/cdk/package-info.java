/** The CDK app of HL7 Ferry's cloud side and the edge YAML written from its outputs. */
package dev.hl7ferry.cdk;
