package signing_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/Los_Angeles without the machine's zoneinfo

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// Instants whose Vietnam date differs from UTC or Los Angeles, or which fall on
// a Los Angeles daylight-saving change.
var zoneCases = []struct {
	instant time.Time
	stamp   string
}{
	{time.Date(2025, 1, 1, 5, 0, 0, 0, time.UTC), "20250101120000000"},
	{time.Date(2024, 12, 31, 17, 0, 0, 0, time.UTC), "20250101000000000"},          // LA: Dec 31, 09:00
	{time.Date(2025, 3, 9, 10, 30, 0, 123_000_000, time.UTC), "20250309173000123"}, // LA springs forward at 10:00 UTC
	{time.Date(2025, 11, 2, 9, 30, 0, 999_000_000, time.UTC), "20251102163000999"}, // LA's repeated hour
	{time.Date(2024, 2, 29, 16, 59, 59, 0, time.UTC), "20240229235959000"},         // leap day
}

// tzHelperEnv makes the test binary print its Timestamp results and exit (see TestMain).
const tzHelperEnv = "SIGNING_TZ_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(tzHelperEnv) != "" {
		fmt.Print(zoneReport())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// zoneReport formats and parses every zone case in the process's local zone.
func zoneReport() string {
	var b strings.Builder
	zone, _ := time.Now().Zone()
	fmt.Fprintf(&b, "zone %s\n", zone)
	for _, c := range zoneCases {
		stamp := signing.Timestamp(c.instant.In(time.Local))
		parsed, err := signing.ParseTimestamp(stamp)
		fmt.Fprintf(&b, "%s %d %v\n", stamp, parsed.UnixMilli(), err)
	}
	return b.String()
}

func TestTimestampIsVietnamTime(t *testing.T) {
	for _, c := range zoneCases {
		if got := signing.Timestamp(c.instant); got != c.stamp {
			t.Errorf("Timestamp(%s) = %s, want %s", c.instant, got, c.stamp)
		}
		got, err := signing.ParseTimestamp(c.stamp)
		if err != nil || !got.Equal(c.instant) {
			t.Errorf("ParseTimestamp(%s) = %s, %v; want %s", c.stamp, got, err, c.instant)
		}
	}
}

// Same results with time.Local set to Los Angeles inside this process.
func TestTimestampUnderLosAngelesLocal(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = la
	t.Cleanup(func() { time.Local = saved })
	for _, c := range zoneCases {
		local := c.instant.In(time.Local)
		if got := signing.Timestamp(local); got != c.stamp {
			t.Errorf("Timestamp(%s) = %s, want %s", local, got, c.stamp)
		}
		if got, err := signing.ParseTimestamp(c.stamp); err != nil || !got.Equal(c.instant) {
			t.Errorf("ParseTimestamp(%s) = %s, %v; want %s", c.stamp, got, err, c.instant)
		}
	}
}

// Same results in a child process started with TZ=America/Los_Angeles.
func TestTimestampUnderLosAngelesTZ(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), tzHelperEnv+"=1", "TZ=America/Los_Angeles")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper process: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if zone := lines[0]; zone != "zone PST" && zone != "zone PDT" {
		t.Fatalf("helper process ran in %q, not Los Angeles time", zone)
	}
	for i, c := range zoneCases {
		want := fmt.Sprintf("%s %d <nil>", c.stamp, c.instant.UnixMilli())
		if i+1 >= len(lines) || lines[i+1] != want {
			t.Errorf("under TZ=America/Los_Angeles case %d gave %q, want %q", i, lines[min(i+1, len(lines)-1)], want)
		}
	}
}

func TestParseTimestampMalformed(t *testing.T) {
	for _, s := range []string{
		"",
		"2025010112000000",   // 16 digits
		"202501011200000000", // 18 digits
		"2025010112000000a",  // a letter
		"2025-01-01 120000",  // 17 characters, not all digits
		"+2025010112000000",  // a sign
		"2025010112000000 ",  // trailing space
		"20251301120000000",  // month 13
		"20250001120000000",  // month 0
		"20250230120000000",  // 30 February
		"20250229120000000",  // 29 February, not a leap year
		"20250132120000000",  // day 32
		"20250101240000000",  // hour 24
		"20250101126000000",  // minute 60
		"20250101120060000",  // second 60
		"２02501011200000",    // 17 bytes with a full-width digit
	} {
		t.Run(s, func(t *testing.T) {
			if _, err := signing.ParseTimestamp(s); !errors.Is(err, signing.ErrMalformedTimestamp) {
				t.Errorf("ParseTimestamp(%q) = %v, want ErrMalformedTimestamp", s, err)
			}
			h := signedHeader(t, []byte("{}"))
			h.Set(signing.HeaderTimestamp, s)
			if s != "" {
				if err := signing.Verify(h, []byte("{}"), secret, signedAt); !errors.Is(err, signing.ErrMalformedTimestamp) {
					t.Errorf("Verify with timestamp %q = %v, want ErrMalformedTimestamp", s, err)
				}
			}
		})
	}
}

func TestParseTimestampAcceptsLeapDay(t *testing.T) {
	if _, err := signing.ParseTimestamp("20240229120000000"); err != nil {
		t.Errorf("29 February 2024 rejected: %v", err)
	}
}
