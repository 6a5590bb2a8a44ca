/**
 * A small MLLP receiver that acknowledges every message and keeps each as a file: a stand-in
 * hospital system for trying outbound delivery and for tests.
 */
package dev.hl7ferry.edge.sink;
