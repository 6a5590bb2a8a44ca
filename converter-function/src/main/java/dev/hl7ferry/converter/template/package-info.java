/**
 * Templates: the two kinds ({@code .liquid} and the legacy {@code .tpl}), told apart by file name,
 * compiled once and rendered against a parsed message.
 */
package dev.hl7ferry.converter.template;
