/** HL7 paths such as {@code PID-3(2).1} or {@code OBX(3)-5}: 1-based, per the standard. */
package dev.hl7ferry.core.path;
