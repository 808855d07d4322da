# Reference values for the reproductions of issue 15 from base R (no packages needed).
# Run from the project root:
#   Rscript test/stats/reference/issue15.R
# It writes issue15-r.json beside this script.
#   fisher: fisher.test(rbind(a, b), workspace = 2e8)$p.value (network algorithm, exact)
#   chiSquare: chisq.test(rbind(a, b), correct = FALSE)$p.value (what cj used to fall back on)
#   mannWhitney: the exact permutation p of the rank sum with midranks, by enumerating every
#     vector of counts of a per category (expand.grid) weighted by prod(choose(t, a)) / choose(N, n_a)
#   mannWhitneyNormal: wilcox.test(exact = FALSE, correct = TRUE), the old fallback
here <- "test/stats/reference"
cases <- list(
  list(a = c(16, 6, 3, 9, 7, 5), b = c(10, 14, 13, 11, 15, 14)),
  list(a = c(12, 103, 202), b = c(22, 58, 215)),
  list(a = c(4, 0, 3), b = c(3, 12, 2))
)
mw_exact <- function(a, b) {
  t <- a + b
  n <- sum(a)
  N <- sum(t)
  doubled <- 2 * (cumsum(t) - t) + t + 1
  expected <- n * (N + 1)
  observed <- abs(sum(a * doubled) - expected)
  grid <- as.matrix(expand.grid(lapply(t[-length(t)], function(x) 0:x)))
  last <- n - rowSums(grid)
  ok <- last >= 0 & last <= t[length(t)]
  grid <- cbind(grid[ok, , drop = FALSE], last[ok])
  logw <- colSums(lchoose(t, t(grid))) - lchoose(N, n)
  w <- exp(logw)
  stat <- abs(grid %*% doubled - expected)
  sum(w[stat >= observed]) / sum(w)
}
codes <- function(x) rep(seq_along(x), x)
num <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("[", paste(v, collapse = ", "), "]")
items <- vapply(cases, function(k) {
  m <- rbind(k$a, k$b)
  m <- m[, colSums(m) > 0, drop = FALSE]
  sprintf('{"a": %s, "b": %s, "fisher": %s, "chiSquare": %s, "mannWhitney": %s, "mannWhitneyNormal": %s}',
          vec(k$a), vec(k$b), num(fisher.test(m, workspace = 2e8)$p.value),
          num(suppressWarnings(chisq.test(m, correct = FALSE)$p.value)), num(mw_exact(k$a, k$b)),
          num(suppressWarnings(wilcox.test(codes(k$a), codes(k$b), exact = FALSE, correct = TRUE)$p.value)))
}, "")
writeLines(c('{', '  "generator": "Rscript test/stats/reference/issue15.R",',
             sprintf('  "R": "%s",', R.version.string), '  "cases": [',
             paste0('    ', items, collapse = ',\n'), '  ]', '}'), file.path(here, "issue15-r.json"))
