package dev.hl7ferry.edge.spool;

/**
 * The spool as the shipper uses it today: it ships ({@link SpoolShipping}) and also runs the
 * retention prune and in-process replay ({@link SpoolMaintenance}). A part that only ships or only
 * maintains takes the narrower type.
 */
public interface ShipperSpool extends SpoolShipping, SpoolMaintenance {}
