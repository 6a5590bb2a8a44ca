/**
 * The data model Liquid templates see: lazy map views over a parsed message, its segments and
 * segment groups (every OBX under its OBR). Nothing is copied; values are decoded on access.
 */
package dev.hl7ferry.converter.view;
