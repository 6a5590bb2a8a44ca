/** The stack that puts the constructs together, its outputs and its accepted cdk-nag findings. */
package dev.hl7ferry.cdk.stack;
