package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

// acceptsMalformedTimestamps is the mock except that get-banks answers success to a malformed
// x-request-timestamp: TG-SIG-09 (should-level, @src-unconfirmed) warns.
func acceptsMalformedTimestamps(t *testing.T) string {
	t.Helper()
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	digits := regexp.MustCompile(`^\d{17}$`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/get-banks") && !digits.MatchString(r.Header.Get("x-request-timestamp")) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"code":"00","message":"Success","data":[]}`))
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// realNight runs the harness against target with tags and returns its bundle.
func realNight(t *testing.T, target, tags string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "night")
	f := newFakeCLI("", mockEnv)
	if code := f.run("run", "--target", target, "--tags", tags, "--seed", "3", "--report-dir", dir); code != exitOK {
		t.Fatalf("%s %s: exit %d\n%s%s", target, tags, code, f.out.String(), f.errOut.String())
	}
	return dir
}

type diffJSON struct {
	New             struct{ Subset string }    `json:"new"`
	NewWarnings     []struct{ ID string }      `json:"newWarnings"`
	GoneWarnings    []struct{ ID string }      `json:"goneWarnings"`
	NewlyPassing    []struct{ ID string }      `json:"newlyPassing"`
	NoLongerChecked []struct{ ID, New string } `json:"noLongerChecked"`
	Regressions     []string                   `json:"regressions"`
}

func diffOf(t *testing.T, old, new string) (diffJSON, string) {
	t.Helper()
	f := newFakeCLI("", nil)
	if code := f.run("diff", "--format", "json", old, new); code != exitOK {
		t.Fatalf("diff: exit %d, want 0: %s", code, f.errOut.String())
	}
	var d diffJSON
	if err := json.Unmarshal(f.out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	md := newFakeCLI("", nil)
	md.run("diff", old, new)
	return d, md.out.String()
}

// Review of issues 13-14, S3 and S4, on bundles the harness writes (the diff tests used hand-made
// "failed" should-level entries, while report.json writes "warning"): a new should-level warning is
// listed, and requirements that stop being checked (a narrower --tags) are listed, not shown as an improvement,
// with the subset in the verdict row.
func TestDiffOfRealBundles(t *testing.T) {
	tags := "@TG-SIG-09 and @uat-safe or @TG-SIG-01"
	clean := realNight(t, acceptsMalformedTimestampsOff(t), tags)
	warned := realNight(t, acceptsMalformedTimestamps(t), tags)

	d, _ := diffOf(t, clean, warned)
	if len(d.NewWarnings) != 1 || d.NewWarnings[0].ID != "TG-SIG-09" || len(d.Regressions) != 0 {
		t.Errorf("clean → warned: new warnings %+v, regressions %q; want TG-SIG-09 and none", d.NewWarnings, d.Regressions)
	}
	d, _ = diffOf(t, warned, clean)
	if len(d.GoneWarnings) != 1 || d.GoneWarnings[0].ID != "TG-SIG-09" {
		t.Errorf("warned → clean: gone warnings %+v, want TG-SIG-09", d.GoneWarnings)
	}

	narrow := realNight(t, acceptsMalformedTimestampsOff(t), "@TG-SIG-01")
	d, md := diffOf(t, warned, narrow)
	if len(d.NoLongerChecked) != 1 || d.NoLongerChecked[0].ID != "TG-SIG-09" || d.NoLongerChecked[0].New != "absent" ||
		len(d.NewlyPassing) != 0 || d.New.Subset != "@TG-SIG-01" {
		t.Errorf("warned → narrower run: no longer checked %+v, newly passing %+v, subset %q", d.NoLongerChecked, d.NewlyPassing, d.New.Subset)
	}
	if !strings.Contains(md, "| verdict | CONFORMANT WITH WARNINGS (subset: "+tags+") | CONFORMANT (subset: @TG-SIG-01) |") ||
		!strings.Contains(md, "## No longer checked") || !strings.Contains(md, "1 requirement(s) no longer checked") {
		t.Errorf("Markdown:\n%s", md)
	}
}

// acceptsMalformedTimestampsOff is the plain embedded mock's twin by URL: every TG-SIG-09 request is refused.
func acceptsMalformedTimestampsOff(t *testing.T) string {
	t.Helper()
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
