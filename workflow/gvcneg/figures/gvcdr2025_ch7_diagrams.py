"""Declarative description of the channel diagrams of GVC Development Report 2025, chapter 7:
Figure 7.9 (channels from GVCs/technology to uneven catch-up across economies, section 7.3.1)
and Figure 7.12 (channels from GVCs/technology to within-economy inequality, section 7.4).

The document's diagrams survive only as captions in the text; the boxes and arrows below are
the channels the chapter's prose names in the sections each figure introduces. A diagram is
a dict: ``nodes`` (id, label, column, row; column = left-to-right stage, row = vertical
position within the stage, 0 at the top) and ``edges`` (source, target, optional label).
``fig_7_9``/``fig_7_12`` in :mod:`gvcneg.figures.gvcdr2025_ch7` draw them.
"""

from __future__ import annotations

FIGURE_7_9 = {
    "title": "Channels from GVCs/technology to uneven catch-up dynamics across economies",
    "nodes": [
        {"id": "gvc_tech", "label": "GVC participation\nand technology", "column": 0, "row": 1.5},
        {
            "id": "transfer",
            "label": "Technology transfer\n(technology adoption,\nprocess improvements)",
            "column": 1,
            "row": 0,
        },
        {
            "id": "linkage",
            "label": "Type of linkage\nforward: gains at low integration\nbackward: threshold effects",
            "column": 1,
            "row": 1,
        },
        {
            "id": "sector",
            "label": "Industrial composition\n(sophisticated intermediate\ninputs: electronics, transport)",
            "column": 1,
            "row": 2,
        },
        {
            "id": "network",
            "label": "Network position\n(global TFP spillovers,\ncentrality and innovation)",
            "column": 1,
            "row": 3,
        },
        {
            "id": "absorptive",
            "label": "Domestic absorptive\ncapacity",
            "column": 2,
            "row": 0,
        },
        {
            "id": "outcome",
            "label": "Uneven productivity\nconvergence and catch-up\nacross economies",
            "column": 2,
            "row": 2,
        },
    ],
    "edges": [
        {"source": "gvc_tech", "target": "transfer"},
        {"source": "gvc_tech", "target": "linkage"},
        {"source": "gvc_tech", "target": "sector"},
        {"source": "gvc_tech", "target": "network"},
        {"source": "transfer", "target": "outcome"},
        {"source": "linkage", "target": "outcome"},
        {"source": "sector", "target": "outcome"},
        {"source": "network", "target": "outcome"},
        {"source": "absorptive", "target": "outcome", "label": "conditions"},
    ],
}

FIGURE_7_12 = {
    "title": "Channels from GVCs/technology to within-economy inequality",
    "nodes": [
        {"id": "gvc_tech", "label": "GVCs and\ntechnology", "column": 0, "row": 1.5},
        {
            "id": "functional",
            "label": "1. Functional distribution\n(returns to capital vs labour)",
            "column": 1,
            "row": 0,
        },
        {
            "id": "labour",
            "label": "2. Labour market effects\n(skill demand, polarisation,\ngender, informality)",
            "column": 1,
            "row": 1,
        },
        {
            "id": "firms",
            "label": "3. Firm-level heterogeneity\n(superstar firms, MSMEs)",
            "column": 1,
            "row": 2,
        },
        {
            "id": "regional",
            "label": "4. Regional inequality\n(spatial manifestation\nof 1-3)",
            "column": 1,
            "row": 3,
        },
        {"id": "outcome", "label": "Within-economy\ninequality", "column": 2, "row": 1.5},
    ],
    "edges": [
        {"source": "gvc_tech", "target": "functional"},
        {"source": "gvc_tech", "target": "labour"},
        {"source": "gvc_tech", "target": "firms"},
        {"source": "functional", "target": "outcome"},
        {"source": "labour", "target": "outcome"},
        {"source": "firms", "target": "outcome"},
        {"source": "regional", "target": "outcome"},
        {"source": "functional", "target": "regional", "label": "spatially"},
        {"source": "labour", "target": "regional"},
        {"source": "firms", "target": "regional"},
    ],
}

DIAGRAMS = {"fig_7_9": FIGURE_7_9, "fig_7_12": FIGURE_7_12}
