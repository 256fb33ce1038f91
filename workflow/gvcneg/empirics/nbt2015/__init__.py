"""National Board of Trade (Kommerskollegium, 2015), "Trade negotiations in a world of global
value chains" (P. Altenberg): the count of regional trade agreements in force (Figure 1) and
the shares of recent RTAs with WTO-plus / WTO-X provisions (section 3)."""
