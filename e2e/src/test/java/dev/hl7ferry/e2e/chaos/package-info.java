/**
 * The chaos suite: the real product as separate processes (local cloud, converter, MLLP sink, edge)
 * under faults — outages, kills, a full disk, floods and hostile bytes — counted by control id into
 * one table of sent, acknowledged, delivered, lost and duplicated messages.
 */
package dev.hl7ferry.e2e.chaos;
