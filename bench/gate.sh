# Section: `preflight gate` over a folder of submissions, --jobs 1 against --jobs 2.
# Not measured until preflight has a gate command; checked at every run.
if "$PREFLIGHT" --help 2>/dev/null | grep -qE '^[[:space:]]+gate([[:space:]]|$)'; then
  not_measured "Gate, --jobs 1 vs --jobs 2" \
    "preflight has a gate command now; add the comparison to bench/gate.sh (see bench/video.sh)."
else
  not_measured "Gate, --jobs 1 vs --jobs 2" "this preflight has no gate command yet (\`preflight --help\`)."
fi
