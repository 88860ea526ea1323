package postman

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	pm "github.com/tingee-conformance/harness/internal/postman"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/contract"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

const vectorDir = "../testdata/vectors"

// nodeSign runs rs256.js under node (testdata/node-sign.js) and returns X-Signature for the body file.
func nodeSign(t *testing.T, keyFile, bodyFile string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; contract/check newman-ocb signs with rs256.js in Newman's sandbox")
	}
	out, err := exec.Command(node, filepath.Join("testdata", "node-sign.js"), "rs256.js", keyFile, bodyFile).CombinedOutput()
	require.NoError(t, err, "%s", out)
	return strings.TrimSpace(string(out))
}

// The vectors were made with openssl, independently of this code [obs rule, openssl output]: the
// script's RS256 must give x-signature.txt byte for byte, from the PKCS#8 and the PKCS#1 form of the key.
func TestRS256JSGivesTheOpenSSLVector(t *testing.T) {
	want, err := os.ReadFile(filepath.Join(vectorDir, "x-signature.txt"))
	require.NoError(t, err)
	for _, key := range []string{"test-partner.key", "test-partner.pkcs1.key"} {
		got := nodeSign(t, filepath.Join(vectorDir, key), filepath.Join(vectorDir, "body.json"))
		assert.Equal(t, string(want), got, key)
	}
}

// The exact bytes sent are UTF-8 [obs: the signature is over the body bytes]: a body with Vietnamese
// letters and a character outside the BMP signs as the Go signer signs it.
func TestRS256JSSignsUTF8BodiesAsTheGoSigner(t *testing.T) {
	dir := t.TempDir()
	body := []byte(`{"trace":{"clientTransId":"T-1","clientTimestamp":"20261201180000000"},"data":{"name":"Nguyễn Văn Đức 🙂"}}`)
	bodyFile := filepath.Join(dir, "body.json")
	require.NoError(t, os.WriteFile(bodyFile, body, 0o600))
	keyPEM, err := testkeys.FS.ReadFile("testapp.key")
	require.NoError(t, err)
	keyFile := filepath.Join(dir, "testapp.key")
	require.NoError(t, os.WriteFile(keyFile, keyPEM, 0o600))
	want, err := jws.Sign(testkeys.AppKey(), body)
	require.NoError(t, err)
	assert.Equal(t, want, nodeSign(t, keyFile, bodyFile))
}

// A key the script cannot use is refused with a message naming why, never a wrong signature.
func TestRS256JSRefusesWhatIsNotAnUnencryptedRSAKey(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.MarshalPKCS8PrivateKey(ec)
	require.NoError(t, err)
	cert, err := testkeys.FS.ReadFile("testapp.crt")
	require.NoError(t, err)
	bodyFile := filepath.Join(dir, "body.json")
	require.NoError(t, os.WriteFile(bodyFile, []byte("{}"), 0o600))
	for name, c := range map[string]struct{ pem, want string }{
		"an EC key":     {string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), "not an RSA key"},
		"a certificate": {string(cert), "no unencrypted PEM"},
		"an encrypted key": {"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n",
			"no unencrypted PEM"},
	} {
		keyFile := filepath.Join(dir, "key.pem")
		require.NoError(t, os.WriteFile(keyFile, []byte(c.pem), 0o600))
		out, err := exec.Command("node", filepath.Join("testdata", "node-sign.js"), "rs256.js", keyFile, bodyFile).CombinedOutput()
		assert.Error(t, err, name)
		assert.Contains(t, string(out), c.want, name)
	}
}

func TestCollectionIsTheTokenRequestThenEveryProbeSigned(t *testing.T) {
	s, err := contract.Load()
	require.NoError(t, err)
	probes := packages.Default()
	raw, err := Collection(s.Doc, probes)
	require.NoError(t, err)
	var c pm.File
	require.NoError(t, json.Unmarshal(raw, &c))
	require.Len(t, c.Event, 1)
	pre := strings.Join(c.Event[0].Script.Exec, "\n")
	assert.Equal(t, "prerequest", c.Event[0].Listen, "one collection-level pre-request script signs every call")
	for _, fn := range []string{"function vietnamTimestamp()", "function rs256Sign(", "function signResourceCall()"} {
		assert.Contains(t, pre, fn)
	}

	// The script refuses to sign while the environment still holds what Environment wrote.
	for _, placeholder := range []string{ClientIDPlaceholder, ClientSecretPlaceholder, PrivateKeyPlaceholder, CertificatePlaceholder} {
		assert.Contains(t, pre, `"`+placeholder+`"`)
	}

	require.Len(t, c.Item, 1+len(probes))
	tok := c.Item[0].Request
	assert.Equal(t, "{{baseUrl}}"+client.TokenPath, tok.URL.Raw)
	require.NotNil(t, tok.Body)
	assert.Equal(t, "urlencoded", tok.Body.Mode, "the password grant is form-encoded [obs]")
	form := map[string]string{}
	for _, f := range tok.Body.URLEncoded {
		form[f.Key] = f.Value
	}
	assert.Equal(t, map[string]string{"grant_type": "password", "username": "{{username}}", "password": "{{password}}",
		"client_id": "{{clientId}}", "client_secret": "{{clientSecret}}", "scope": "OCB"}, form)
	assert.Contains(t, strings.Join(c.Item[0].Event[0].Script.Exec, "\n"), `pm.environment.set("accessToken"`)

	for i, p := range probes {
		it := c.Item[i+1]
		assert.Equal(t, "{{baseUrl}}"+p.Path, it.Request.URL.Raw, p.ID)
		var body struct {
			Trace map[string]string `json:"trace"`
			Data  map[string]any    `json:"data"`
		}
		require.NoError(t, json.Unmarshal([]byte(it.Request.Body.Raw), &body), p.ID)
		assert.Equal(t, map[string]string{"clientTransId": "{{clientTransId}}", "clientTimestamp": "{{clientTimestamp}}"}, body.Trace, p.ID)
		assert.Equal(t, p.Data, body.Data, p.ID)
		test := strings.Join(it.Event[0].Script.Exec, "\n")
		// Only a path marked [obs] is known to exist at OCB; a [?] one may be answered 404.
		assert.Contains(t, test, "const unconfirmedPath = "+map[bool]string{true: "false", false: "true"}[p.Source == "[obs]"]+";", p.ID)
	}
}

func TestEnvironmentHoldsOnlyPlaceholdersForSecrets(t *testing.T) {
	raw, err := Environment("mock", Env{BaseURL: "http://127.0.0.1:8080", ClientID: "id", Certificate: "MIIB"})
	require.NoError(t, err)
	var env pm.EnvFile
	require.NoError(t, json.Unmarshal(raw, &env))
	byKey := map[string]pm.Var{}
	for _, v := range env.Values {
		byKey[v.Key] = v
	}
	for key, placeholder := range map[string]string{"clientSecret": ClientSecretPlaceholder, "password": PasswordPlaceholder, "privateKey": PrivateKeyPlaceholder} {
		assert.Equal(t, placeholder, byKey[key].Value, key)
		assert.Equal(t, "secret", byKey[key].Type, "%s: Postman masks a variable of type secret", key)
	}
	assert.Equal(t, "id", byKey["clientId"].Value)
	assert.Equal(t, UsernamePlaceholder, byKey["username"].Value)
	assert.Equal(t, "MIIB", byKey["certificate"].Value)
	assert.Equal(t, "", byKey["accessToken"].Value)
}
