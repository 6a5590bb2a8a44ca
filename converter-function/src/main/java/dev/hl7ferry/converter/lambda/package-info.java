/** The Lambda adapter: a thin SQS handler over the dispatch core, wired by Dagger. */
package dev.hl7ferry.converter.lambda;
