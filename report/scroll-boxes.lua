-- Wide things in a box that scrolls sideways instead of widening the page: every Markdown table
-- and every display formula. The box is focusable, so that the keyboard can scroll it, and
-- named (numbered: landmarks must be told apart). The report's own HTML tables carry the same
-- box (gvcneg.report.page.scroll_box_open).
local tables, formulas = 0, 0

function Table(tbl)
  tables = tables + 1
  return {
    pandoc.RawBlock("html", '<div class="table-scroll" tabindex="0" role="region" '
      .. 'aria-label="text table ' .. tables .. '">'),
    tbl,
    pandoc.RawBlock("html", "</div>"),
  }
end

function Math(m)
  if m.mathtype ~= "DisplayMath" then return nil end
  formulas = formulas + 1
  return {
    pandoc.RawInline("html", '<span class="math-scroll" tabindex="0" role="region" '
      .. 'aria-label="formula ' .. formulas .. '">'),
    m,
    pandoc.RawInline("html", "</span>"),
  }
end
