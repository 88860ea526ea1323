package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// printResult writes one "name  value" line per figure; bench/compare reads them by name.
func printResult(out io.Writer, cfg config, r result) {
	slices.Sort(r.latencies)
	answered := len(r.latencies)
	fmt.Fprintf(out, "target            %s\n", cfg.base)
	fmt.Fprintf(out, "connections       %d\n", cfg.conns)
	fmt.Fprintf(out, "answered          %d in %.2fs\n", answered, r.elapsed.Seconds())
	fmt.Fprintf(out, "req/s             %.0f\n", float64(answered)/r.elapsed.Seconds())
	fmt.Fprintf(out, "p50               %.3f ms\n", ms(percentile(r.latencies, 50)))
	fmt.Fprintf(out, "p99               %.3f ms\n", ms(percentile(r.latencies, 99)))
	fmt.Fprintf(out, "max               %.3f ms\n", ms(percentile(r.latencies, 100)))
	fmt.Fprintf(out, "statuses          %s\n", statuses(r.statuses))
	fmt.Fprintf(out, "transport errors  %d%s\n", r.transportErrors, detail(r.firstError))
	fmt.Fprintf(out, "refused           %d (code 90 or 97: timestamp or signature)\n", r.refused)
	if cfg.spec == nil {
		fmt.Fprintf(out, "outside spec      not validated (--validate=false)\n")
	} else {
		fmt.Fprintf(out, "outside spec      %d%s\n", r.outsideSpec, detail(r.firstFinding))
	}
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func statuses(m map[int]int) string {
	codes := make([]int, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%d×%d", c, m[c])
	}
	return strings.Join(parts, " ")
}

func detail(first string) string {
	if first == "" {
		return ""
	}
	return " (first: " + first + ")"
}

// printCPU prints the CPU time per answered request, of the target (when its pid is known) and of this tool.
func printCPU(out io.Writer, used cpuTimes, answered int, target bool) {
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(max(answered, 1)) }
	if target {
		fmt.Fprintf(out, "target CPU        %.1f µs/request (%.2fs)\n", per(used.target), used.target.Seconds())
	}
	fmt.Fprintf(out, "load CPU          %.1f µs/request (%.2fs)\n", per(used.self), used.self.Seconds())
}

// printRSS prints the peak resident set (VmHWM) of pid from /proc.
func printRSS(out io.Writer, pid int) {
	kb, err := peakRSS(pid)
	if err != nil {
		fmt.Fprintf(out, "peak RSS          unknown (%v)\n", err)
		return
	}
	fmt.Fprintf(out, "peak RSS          %.1f MiB (pid %d, VmHWM)\n", float64(kb)/1024, pid)
}

func peakRSS(pid int) (kb int, err error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
