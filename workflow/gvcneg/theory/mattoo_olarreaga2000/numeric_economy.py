"""An independent numerical implementation of the specification (no sympy, no closed forms).

World prices solve the market-clearing conditions by root finding; surpluses are integrals of
the demand and supply curves by quadrature. Used to check the closed-form reaction functions
and the quadratic coefficients (the way a reference implementation checks an estimator).
"""

from __future__ import annotations

from scipy import integrate, optimize


def _world_price(tariff, importer_supply_slope, exporter_supply_slope):
    """World price p_w of a good whose importer levies ``tariff`` (importer pays p_w + t)."""

    def excess_demand(p_w):
        p_i = p_w + tariff
        demand = (1 - p_i) + (1 - p_w)
        supply = importer_supply_slope * p_i + exporter_supply_slope * p_w
        return demand - supply

    return optimize.brentq(excess_demand, -5.0, 5.0, xtol=1e-14)


def _consumer_surplus(p):
    return integrate.quad(lambda q: 1 - q, p, 1)[0]


def _producer_surplus(slope, p):
    return integrate.quad(lambda q: slope * q, 0, p)[0]


def government_value(country, t_A, t_B, import_supply_slope, export_supply_slope, reciprocity, a):
    """V = P + a W of ``country`` ('A' or 'B') at tariffs (t_A, t_B), computed numerically."""
    lam, mu = import_supply_slope, export_supply_slope
    own, other = (t_A, t_B) if country == "A" else (t_B, t_A)
    # Own import market (good 1 for A): importer price p_w + own tariff.
    p_w_import = _world_price(own, lam, mu)
    p_import = p_w_import + own
    imports = (1 - p_import) - lam * p_import
    # Own export market: the partner levies ``other``; we sell at the world price.
    p_export = _world_price(other, lam, mu)
    welfare = (
        _consumer_surplus(p_import)
        + _producer_surplus(lam, p_import)
        + own * imports
        + _consumer_surplus(p_export)
        + _producer_surplus(mu, p_export)
    )
    political = _producer_surplus(lam, p_import) - 0.5 * reciprocity * (t_A - t_B) ** 2
    return political + a * welfare


def numerical_best_response(
    country,
    other_tariff,
    import_supply_slope,
    export_supply_slope,
    reciprocity,
    a,
    retention=None,
    discount=1.0,
    upper=None,
):
    """Maximise the static (retention None) or no-credit intertemporal objective numerically."""

    def value(t, y):
        t_A, t_B = (t, y) if country == "A" else (y, t)
        return government_value(
            country, t_A, t_B, import_supply_slope, export_supply_slope, reciprocity, a
        )

    def objective(t):
        v = value(t, other_tariff)
        if retention is not None:
            v += discount * value(retention * t, retention * other_tariff)
        return -v

    hi = 1.0 if upper is None else upper
    result = optimize.minimize_scalar(
        objective, bounds=(-0.5, hi), method="bounded", options={"xatol": 1e-11}
    )
    return result.x
