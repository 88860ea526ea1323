package webhook

import (
	"fmt"
	"strings"

	harness "github.com/tingee-conformance/harness"
)

// FeaturePath is the feature webhook-check runs, inside harness.Features.
const FeaturePath = "features/webhook-receiver.feature"

// featureText is the feature file's text, read for its name and scenario lines.
type featureText struct {
	path, text, name string
}

func loadFeature() (featureText, error) {
	data, err := harness.Features.ReadFile(FeaturePath)
	if err != nil {
		return featureText{}, err
	}
	f := featureText{path: FeaturePath, text: string(data)}
	for _, line := range strings.Split(f.text, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "Feature:"); ok {
			f.name = strings.TrimSpace(name)
			break
		}
	}
	return f, nil
}

// uri is path:line of the scenario named name, as reports link to it.
func (f featureText) uri(name string) string {
	for i, line := range strings.Split(f.text, "\n") {
		if strings.TrimSpace(line) == "Scenario: "+name {
			return fmt.Sprintf("%s:%d", f.path, i+1)
		}
	}
	return f.path
}
