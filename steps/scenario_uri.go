package steps

import "context"

// ScenarioURI is the file:line of the scenario whose hooks ctx belongs to
// (Config.Gate gets such a ctx), or "" outside a scenario. A rerun of chosen
// scenarios gates on it.
func ScenarioURI(ctx context.Context) string {
	r := Current(ctx)
	if r == nil {
		return ""
	}
	return r.Scenario.URI
}
