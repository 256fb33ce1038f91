"""Section 4: points on the efficiency frontier as maximisers of lambda G + G*, the shift from
the rules-based (reciprocity-stable) point towards Home power, and Remark 2's decomposition of
Home's gain into terms-of-trade, import-rent and export-rent parts."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from scipy import optimize

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.equilibrium import SolveError, TariffPair
from gvcneg.theory.deremer2023.model import CountryPair


def _maximise_concave(derivative, second_derivative) -> float:
    if second_derivative >= 0:
        raise SolveError("lambda G + G* is not concave in this tariff; no interior frontier point")
    return optimize.brentq(derivative, -5.0, 5.0, xtol=1e-15)


def frontier_point(lam: float, weights: CountryPair) -> TariffPair:
    """The tariffs maximising lambda G + G* (Foreign's weight normalised to 1).

    G and G* are separable in the two tariffs, so each tariff solves one first-order condition.
    """
    h, f = weights.home, weights.foreign
    tau_x = _maximise_concave(
        lambda t: (
            lam * model.importer_objective_d1(t, h.gamma_M)
            + model.exporter_objective_d1(t, f.gamma_E)
        ),
        lam * model.importer_objective_d2(0.0, h.gamma_M)
        + model.exporter_objective_d2(0.0, f.gamma_E),
    )
    tau_y = _maximise_concave(
        lambda t: (
            lam * model.exporter_objective_d1(t, h.gamma_E)
            + model.importer_objective_d1(t, f.gamma_M)
        ),
        lam * model.exporter_objective_d2(0.0, h.gamma_E)
        + model.importer_objective_d2(0.0, f.gamma_M),
    )
    return TariffPair(float(tau_x), float(tau_y))


def rules_based_lambda(point: TariffPair, weights: CountryPair) -> float:
    """lambda^R: the welfare weight on Home for which the rules-based point maximises
    lambda G + G*, from lambda dG/dtau_x + dG*/dtau_x = 0."""
    gx, _ = model.home_gradient(point.tau_x, point.tau_y, weights)
    sx, _ = model.foreign_gradient(point.tau_x, point.tau_y, weights)
    return float(-sx / gx)


@dataclass(frozen=True)
class PowerShift:
    """First-order effects of a small increase in lambda at the rules-based point."""

    lambda_R: float
    dtau_x_dlambda: float  # implicit function theorem
    dtau_y_dlambda: float
    dtau_x_dlambda_printed: float  # the paper's printed formula (no lambda in the denominator)
    dtau_y_dlambda_printed: float
    terms_of_trade: float  # Home's terms-of-trade gain (both goods)
    import_rent: float  # (gamma_M - 1) x import-competing profits
    export_rent: float  # (gamma_E - 1) x export profits
    import_volume_effect: float  # tariff revenue lost on the import volume reduced
    home_government_gain: float  # dG/dlambda
    home_public_gain: float  # dW/dlambda (public weights)
    foreign_government_gain: float  # dG*/dlambda

    def as_dict(self) -> dict:
        return asdict(self)


def power_shift(point: TariffPair, government: CountryPair, public: CountryPair) -> PowerShift:
    """Comparative statics of section 4 and the decomposition behind Remark 2."""
    tx, ty = point.tau_x, point.tau_y
    h, f = government.home, government.foreign
    lam = rules_based_lambda(point, government)
    gx, gy = model.home_gradient(tx, ty, government)
    sx, sy = model.foreign_gradient(tx, ty, government)
    gxx = model.importer_objective_d2(tx, h.gamma_M)
    gyy = model.exporter_objective_d2(ty, h.gamma_E)
    sxx = model.exporter_objective_d2(tx, f.gamma_E)
    syy = model.importer_objective_d2(ty, f.gamma_M)
    dtx = -gx / (lam * gxx + sxx)
    dty = -gy / (lam * gyy + syy)
    pw_slope, p_slope = model.WORLD_PRICE_SLOPE, model.IMPORTER_PRICE_SLOPE
    terms_of_trade = (
        -model.import_volume(tx) * pw_slope * dtx + model.export_volume(ty) * pw_slope * dty
    )
    import_rent = (h.gamma_M - 1) * (model.importer_price(tx) / 2) * p_slope * dtx
    export_rent = (h.gamma_E - 1) * model.world_price(ty) * pw_slope * dty
    volume = tx * model.IMPORT_VOLUME_SLOPE * dtx
    wx, wy = model.home_gradient(tx, ty, public)
    return PowerShift(
        lambda_R=lam,
        dtau_x_dlambda=float(dtx),
        dtau_y_dlambda=float(dty),
        dtau_x_dlambda_printed=float(gx / -(gxx + sxx)),
        dtau_y_dlambda_printed=float(gy / -(gyy + syy)),
        terms_of_trade=float(terms_of_trade),
        import_rent=float(import_rent),
        export_rent=float(export_rent),
        import_volume_effect=float(volume),
        home_government_gain=float(gx * dtx + gy * dty),
        home_public_gain=float(wx * dtx + wy * dty),
        foreign_government_gain=float(sx * dtx + sy * dty),
    )
