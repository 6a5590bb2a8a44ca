/**
 * The AWS SDK side of the local cloud: queue provisioning and SDK clients pointed at it. The only
 * package of this module that names AWS SDK types.
 */
package dev.hl7ferry.infra.local.aws;
