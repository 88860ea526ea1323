package report

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// Cucumber JSON in the shape godog's cucumber formatter writes
// (features → elements → steps), so existing cucumber report tools read it.
// Each step's exchanges ride along as an application/json embedding.
type cukeFeature struct {
	URI         string        `json:"uri"`
	ID          string        `json:"id"`
	Keyword     string        `json:"keyword"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	Line        int           `json:"line"`
	Elements    []cukeElement `json:"elements,omitempty"`
}

type cukeElement struct {
	ID          string     `json:"id"`
	Keyword     string     `json:"keyword"`
	Name        string     `json:"name"`
	Description string     `json:"description"`
	Line        int        `json:"line"`
	Type        string     `json:"type"`
	Tags        []cukeTag  `json:"tags,omitempty"`
	Steps       []cukeStep `json:"steps,omitempty"`
}

type cukeTag struct {
	Name string `json:"name"`
	Line int    `json:"line"`
}

type cukeStep struct {
	Keyword    string          `json:"keyword"`
	Name       string          `json:"name"`
	Line       int             `json:"line"`
	Match      cukeMatch       `json:"match"`
	Result     cukeResult      `json:"result"`
	Embeddings []cukeEmbedding `json:"embeddings,omitempty"`
}

type cukeMatch struct {
	Location string `json:"location"`
}

type cukeResult struct {
	Status   string `json:"status"`
	Error    string `json:"error_message,omitempty"`
	Duration *int64 `json:"duration,omitempty"` // nanoseconds
}

type cukeEmbedding struct {
	Name     string `json:"name"`
	MimeType string `json:"mime_type"`
	Data     string `json:"data"` // base64
}

func renderCucumber(doc *Document) ([]byte, error) {
	features := []cukeFeature{}
	index := map[string]int{}
	for _, sc := range doc.Scenarios {
		uri, line := splitURI(sc.URI)
		i, ok := index[uri]
		if !ok {
			i = len(features)
			index[uri] = i
			features = append(features, cukeFeature{URI: uri, ID: cukeID(sc.Feature), Keyword: "Feature", Name: sc.Feature, Line: 1})
		}
		f := &features[i]
		el := cukeElement{
			ID:      f.ID + ";" + cukeID(sc.Name),
			Keyword: "Scenario",
			Name:    sc.Name,
			Line:    line,
			Type:    "scenario",
		}
		for _, t := range sc.Tags {
			el.Tags = append(el.Tags, cukeTag{Name: "@" + strings.TrimPrefix(t, "@"), Line: line})
		}
		for _, st := range sc.Steps {
			step, err := cukeStepOf(sc, st)
			if err != nil {
				return nil, err
			}
			el.Steps = append(el.Steps, step)
		}
		f.Elements = append(f.Elements, el)
	}
	return marshalIndent(features)
}

func cukeStepOf(sc Scenario, st Step) (cukeStep, error) {
	step := cukeStep{
		Keyword: nonEmpty(st.Keyword, "* "),
		Name:    st.Text,
		Match:   cukeMatch{Location: sc.URI},
		Result:  cukeResult{Status: st.Status, Error: st.Error},
	}
	// godog leaves the duration out of steps that did not run.
	if st.Status == evidence.Passed || st.Status == evidence.Failed {
		ns := int64(st.DurationMS * 1e6)
		step.Result.Duration = &ns
	}
	if len(st.Exchanges) > 0 {
		data, err := json.Marshal(st.Exchanges)
		if err != nil {
			return step, err
		}
		step.Embeddings = []cukeEmbedding{{Name: "exchanges", MimeType: "application/json",
			Data: base64.StdEncoding.EncodeToString(data)}}
	}
	return step, nil
}

// splitURI splits "features/signing.feature:12" into the file and the line.
func splitURI(uri string) (string, int) {
	i := strings.LastIndexByte(uri, ':')
	if i < 0 {
		return uri, 0
	}
	line, err := strconv.Atoi(uri[i+1:])
	if err != nil {
		return uri, 0
	}
	return uri[:i], line
}

// cukeID is godog's makeCukeID: lower case, spaces as dashes.
func cukeID(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), " ", "-")
}
