# Reference values for test/stats/*.test.ts from R (and the R packages coin,
# pwr and jsonlite). Run once from the project root:
#   Rscript test/stats/reference/make-reference.R
# It reads the inputs from cases.json and writes r.json beside this script.
# On Debian: apt-get install r-base-core r-cran-coin r-cran-pwr r-cran-jsonlite
suppressMessages({
  library(jsonlite)
  library(coin)
  library(pwr)
})

here <- "test/stats/reference"
cases <- fromJSON(file.path(here, "cases.json"), simplifyVector = FALSE)
num <- function(x) as.numeric(unlist(x))
# A vector that stays a JSON array even with one element or none.
vec <- function(x) structure(as.numeric(x), class = "json_array")

# jsonlite prints at most 15 significant digits; the tests need all 17.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  number <- function(v) if (is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", v)
  if (inherits(x, "json_array")) return(paste0("[", paste(vapply(unclass(x), number, ""), collapse = ", "), "]"))
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to_json, "", indent = inner)
    separator <- paste0(",\n", inner)
    if (is.null(names(x))) return(paste0("[\n", inner, paste(items, collapse = separator), "\n", indent, "]"))
    keys <- vapply(names(x), function(k) toJSON(k, auto_unbox = TRUE), "")
    return(paste0("{\n", inner, paste(paste0(keys, ": ", items), collapse = separator), "\n", indent, "}"))
  }
  if (is.character(x)) return(as.character(toJSON(x, auto_unbox = TRUE)))
  if (is.logical(x) && is.na(x)) return("null")
  if (length(x) != 1) stop("wrap vectors in vec()")
  number(x)
}
as_table <- function(rows) do.call(rbind, lapply(rows, num))
drop_empty <- function(m) m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE]
groups <- function(a, b) factor(rep(c("a", "b"), c(length(a), length(b))), levels = c("a", "b"))

# Wilson bounds written from Newcombe (1998), eq. for method 3, kept apart
# from prop.test so that the Newcombe reference does not share its code.
wilson_newcombe <- function(x, n, z) {
  p <- x / n
  q <- 1 - p
  centre <- 2 * n * p + z^2
  spread <- z * sqrt(z^2 + 4 * n * p * q)
  c((centre - spread) / (2 * (n + z^2)), (centre + spread) / (2 * (n + z^2)))
}

out <- list(
  generator = "Rscript test/stats/reference/make-reference.R",
  R = R.version.string,
  coin = as.character(packageVersion("coin")),
  pwr = as.character(packageVersion("pwr"))
)

out$normalQuantile <- lapply(num(cases$normalQuantile), function(p) list(p = p, q = qnorm(p)))
out$normalCdf <- lapply(num(cases$normalCdf), function(z) list(z = z, p = pnorm(z)))

out$wilson <- lapply(cases$wilson, function(k) {
  ci <- suppressWarnings(prop.test(k$x, k$n, conf.level = k$confidence, correct = FALSE)$conf.int)
  list(x = k$x, n = k$n, confidence = k$confidence, lower = ci[1], upper = ci[2])
})

out$newcombe <- lapply(cases$newcombe, function(k) {
  z <- qnorm(1 - (1 - k$confidence) / 2)
  pa <- k$xa / k$na
  pb <- k$xb / k$nb
  wa <- wilson_newcombe(k$xa, k$na, z)
  wb <- wilson_newcombe(k$xb, k$nb, z)
  d <- pb - pa
  list(xa = k$xa, na = k$na, xb = k$xb, nb = k$nb, confidence = k$confidence, difference = d,
       lower = d - sqrt((pb - wb[1])^2 + (wa[2] - pa)^2),
       upper = d + sqrt((wb[2] - pb)^2 + (pa - wa[1])^2))
})

out$fisher <- lapply(cases$fisher, function(rows) {
  m <- as_table(rows)
  list(table = lapply(rows, vec), p = fisher.test(m, workspace = 2e8)$p.value)
})
out$fisherMonteCarlo <- lapply(cases$fisherMonteCarlo, function(rows) {
  m <- as_table(rows)
  list(table = lapply(rows, vec), p = fisher.test(m, workspace = 2e8)$p.value)
})
out$chiSquare <- lapply(cases$chiSquare, function(rows) {
  m <- drop_empty(as_table(rows))
  list(table = lapply(rows, vec), p = suppressWarnings(chisq.test(m, correct = FALSE)$p.value))
})

# coin's exact two-sided p is P(|T - E T| >= |t - E T|) (checked against
# full enumeration with combn); wilcox.test gives U (its "W") and the normal
# approximation with tie and continuity correction.
out$mannWhitney <- lapply(cases$mannWhitney, function(k) {
  a <- num(k$a)
  b <- num(k$b)
  x <- c(a, b)
  exact <- tryCatch(pvalue(wilcox_test(x ~ groups(a, b), distribution = "exact"))[1], error = function(e) NA)
  normal <- suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = TRUE))
  list(a = vec(a), b = vec(b), U = unname(normal$statistic), W = sum(rank(x)[seq_along(a)]), p = exact,
       pNormal = normal$p.value, cliffsDelta = mean(sign(outer(a, b, "-"))))
})

out$marks <- lapply(cases$marks, function(k) {
  a <- num(k$a)
  b <- num(k$b)
  x <- c(a, b)
  exact <- tryCatch(pvalue(oneway_test(I(2 * x) ~ groups(a, b), distribution = "exact"))[1], error = function(e) NA)
  nu <- length(a) + length(b) - 2
  sp <- sqrt(((length(a) - 1) * (if (length(a) > 1) var(a) else 0) +
              (length(b) - 1) * (if (length(b) > 1) var(b) else 0)) / nu)
  j <- if (nu >= 2) exp(lgamma(nu / 2) - lgamma((nu - 1) / 2)) / sqrt(nu / 2) else NA
  welch <- if (length(a) > 1 && length(b) > 1 && (var(a) > 0 || var(b) > 0)) {
    w <- t.test(b, a, var.equal = FALSE)
    list(difference = unname(w$estimate[1] - w$estimate[2]), df = unname(w$parameter), t = unname(w$statistic),
         p = w$p.value, lower = w$conf.int[1], upper = w$conf.int[2])
  } else NULL
  welch90 <- if (!is.null(welch)) {
    w <- t.test(b, a, var.equal = FALSE, conf.level = 0.9)
    list(lower = w$conf.int[1], upper = w$conf.int[2])
  } else NULL
  list(a = vec(a), b = vec(b), permutationP = exact, hedgesG = if (sp > 0) j * (mean(b) - mean(a)) / sp else NA,
       welch = welch, welch90 = welch90)
})

out$holm <- lapply(cases$holm, function(p) {
  p <- num(p)
  list(p = vec(p), adjusted = vec(p.adjust(p, "holm")))
})

out$incompleteBeta <- lapply(cases$incompleteBeta, function(k) {
  k <- num(k)
  list(x = k[1], a = k[2], b = k[3], value = pbeta(k[1], k[2], k[3]))
})
out$tCdf <- lapply(cases$tCdf, function(k) {
  k <- num(k)
  list(t = k[1], df = k[2], p = pt(k[1], k[2]))
})
out$tQuantile <- lapply(cases$tQuantile, function(k) {
  k <- num(k)
  list(p = k[1], df = k[2], t = qt(k[1], k[2]))
})
out$gammaQ <- lapply(cases$gammaQ, function(k) {
  k <- num(k)
  list(a = k[1], x = k[2], value = pgamma(k[2], shape = k[1], lower.tail = FALSE))
})

# Cohen's h by its formula, and pwr's h, which also counts rejections in
# the wrong direction (so it is a little smaller).
out$detectable <- lapply(cases$detectable, function(k) {
  h <- (qnorm(1 - k$alpha / 2) + qnorm(k$power)) * sqrt(1 / k$n1 + 1 / k$n2)
  phi <- asin(sqrt(k$p1))
  up <- phi + h / 2
  down <- phi - h / 2
  list(p1 = k$p1, n1 = k$n1, n2 = k$n2, alpha = k$alpha, power = k$power, h = h,
       increase = if (up <= pi / 2) sin(up)^2 - k$p1 else NA,
       decrease = if (down >= 0) k$p1 - sin(down)^2 else NA,
       hPwr = pwr.2p2n.test(n1 = k$n1, n2 = k$n2, sig.level = k$alpha, power = k$power)$h)
})

writeLines(to_json(out), file.path(here, "r.json"))
