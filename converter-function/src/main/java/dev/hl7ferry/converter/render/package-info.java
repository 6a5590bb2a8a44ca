/**
 * The pure core: (message, routes, templates) to zero or more checked outputs. No AWS and no I/O.
 */
package dev.hl7ferry.converter.render;
