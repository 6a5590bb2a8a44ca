/** Tests of the per-record dispatch rules. */
package dev.hl7ferry.converter.dispatch;
