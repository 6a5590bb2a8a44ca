/**
 * The function's settings, read once from the environment and validated with messages naming the
 * variable, and its logging set-up.
 */
package dev.hl7ferry.converter.config;
