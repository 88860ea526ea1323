package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// clockTick is the unit of utime and stime in /proc/PID/stat (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuTimes are the CPU times a run spent in the target and in this tool: on a
// shared machine, CPU per request says more than req/s.
type cpuTimes struct{ target, self time.Duration }

// readCPU reads the target's (pid > 0) and this process's user+system CPU time.
func readCPU(pid int) (cpuTimes, error) {
	var c cpuTimes
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return c, err
	}
	c.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if pid <= 0 {
		return c, nil
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return c, err
	}
	// Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
	rest := string(stat[strings.LastIndexByte(string(stat), ')')+1:])
	f := strings.Fields(rest)
	if len(f) < 13 {
		return c, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return c, fmt.Errorf("/proc/%d/stat: utime/stime unreadable", pid)
	}
	c.target = time.Duration(utime+stime) * clockTick
	return c, nil
}

func (c cpuTimes) sub(o cpuTimes) cpuTimes { return cpuTimes{c.target - o.target, c.self - o.self} }
