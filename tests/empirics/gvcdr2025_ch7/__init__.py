"""Tests of gvcneg.empirics.gvcdr2025_ch7 (a package so test basenames do not collide)."""
