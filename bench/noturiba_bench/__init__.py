"""`make bench`: Noturība's three blocks measured against xblock-poll and xblock-drag-and-drop-v2."""
