package signing

import (
	"bytes"
	"encoding/hex"
	"os/exec"
	"strings"
	"testing"
)

// vector is one known HMAC-SHA512 answer. Request vectors (timestamp set) are
// checked through Sign, the others through the package's HMAC step, mac.
type vector struct {
	name      string
	key       []byte
	timestamp string // request vectors: the message is timestamp + ":" + body
	body      []byte
	msg       []byte // raw-message vectors (RFC 4231)
	want      string // lowercase hex; fewer than 128 digits means a truncated MAC (RFC 4231 case 5)
}

func (v vector) message() []byte {
	if v.timestamp == "" {
		return v.msg
	}
	return []byte(v.timestamp + ":" + string(v.body))
}

const vectorTimestamp = "20250101120000000"

var testSecret = []byte("test-secret")

// vectorsBySource groups the vectors by where their expected values come from.
var vectorsBySource = []struct {
	source  string
	vectors []vector
}{
	// docs/tingee-api-notes.md, "Request signing".
	{"tingee-notes", []vector{
		{name: "confirm-va body", key: testSecret, timestamp: vectorTimestamp,
			body: []byte(`{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`),
			want: "70e5339ed553b64c33d7e70e24ec3af496d8a2620b20b763ec293b78d82cbf2d53bc11245216af6a9ec9839d8ff7b71e9725f608372a5c09862992c0795e3920"},
		{name: "empty object", key: testSecret, timestamp: vectorTimestamp, body: []byte(`{}`),
			want: "eda8e99c03a13c2d4aea69e7193a291e969144b46895ea9b8c7efa8d9035091d77aa48b4f16a23b347b165bfefcde8692d27be203866dc34777411fb3e28207d"},
	}},
	// RFC 4231 section 4, HMAC-SHA-512 values of test cases 1-7.
	{"rfc4231", []vector{
		{name: "case 1", key: bytes.Repeat([]byte{0x0b}, 20), msg: []byte("Hi There"),
			want: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
		{name: "case 2 key shorter than output", key: []byte("Jefe"), msg: []byte("what do ya want for nothing?"),
			want: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
		{name: "case 3 combined key and data", key: bytes.Repeat([]byte{0xaa}, 20), msg: bytes.Repeat([]byte{0xdd}, 50),
			want: "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"},
		{name: "case 4 combined key and data", key: mustHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), msg: bytes.Repeat([]byte{0xcd}, 50),
			want: "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"},
		{name: "case 5 truncated to 128 bits", key: bytes.Repeat([]byte{0x0c}, 20), msg: []byte("Test With Truncation"),
			want: "415fad6271580a531d4179bc891d87a6"},
		{name: "case 6 key larger than block", key: bytes.Repeat([]byte{0xaa}, 131), msg: []byte("Test Using Larger Than Block-Size Key - Hash Key First"),
			want: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
		{name: "case 7 key and data larger than block", key: bytes.Repeat([]byte{0xaa}, 131),
			msg:  []byte("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
			want: "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"},
	}},
	// Computed with OpenSSL 3.0.19 when these tests were written (2026-11-23):
	//   printf '%s' "20250101120000000:$BODY" | openssl dgst -sha512 -hmac "$KEY"
	// with the body bytes exactly as below (CRLF bodies through printf '\r\n').
	// TestVectorsAgainstOpenSSL re-runs openssl when it is installed.
	{"openssl", []vector{
		{name: "Vietnamese text, NFC, unescaped", key: testSecret, timestamp: vectorTimestamp,
			body: []byte(`{"accountName":"NGUYỄN VĂN A","content":"Thanh toán đơn hàng #123"}`),
			want: "eccd8e9ea83048590a15690616a0ae4a420d9f4b441e656337fe904b71e76f8e84b754523dc2f3e2288ac83fd7bac9c29d9c02420b678d7a7b37a76bf1646979"},
		{name: "Vietnamese text, NFD (same text, other bytes)", key: testSecret, timestamp: vectorTimestamp,
			body: []byte("{\"accountName\":\"NGUYE\u0302\u0303N VA\u0306N A\",\"content\":\"Thanh toa\u0301n \u0111o\u031bn ha\u0300ng #123\"}"),
			want: "7e7719d5dd66d0e53b546ecf1e1278116ad3a3282e2b88392d435d8a8486d5be9bcca624e8a332d041288a354d80071ffdd97edaf83cca1ecc67f543bdb08881"},
		{name: "pretty-printed with CRLF line ends", key: testSecret, timestamp: vectorTimestamp,
			body: []byte("{\r\n  \"bankBin\": \"970448\",\r\n  \"otpNumber\": \"123456\"\r\n}\r\n"),
			want: "8d4c8b09258d15205480c2753bb0fe31b0ae09b4d9ea88ad7608e47c95d3668a5e45227df9f1d3389ac5de7a20a97a964e9534cd08512d1af71399170eaaa02f"},
		{name: "JSON escapes: \\u non-ASCII, \\/, \\\", \\n, \\t", key: testSecret, timestamp: vectorTimestamp,
			body: []byte(`{"content":"Thanh to\u00e1n \u0111\u01a1n h\u00e0ng","webhookUrl":"https:\/\/partner.example\/tingee","note":"say \"hi\"\n\ttab"}`),
			want: "a0acfdea79138567009516d8a503298d6a66348b738a67212d59e1f2b52ccd087e813d86bdb798470a054160c35b707b3c4f9b645ee067e450e40c4f0bcebb5f"},
		{name: "key of exactly 128 bytes (one block)", key: bytes.Repeat([]byte("k"), 128), timestamp: vectorTimestamp, body: []byte(`{}`),
			want: "c341aaf203e16feb42e1d6911bc4045cc15ce492058aea29a7180005bd47790a24fcc260526fb332e75e8d266d811bb515e3f41374799e5c5fd0e7c2f518e7f0"},
		{name: "key of 129 bytes (hashed first)", key: bytes.Repeat([]byte("k"), 129), timestamp: vectorTimestamp, body: []byte(`{}`),
			want: "c6276c17b588dc7df82a40801af4ff7c4b690c3b012d3564c38a8e63a3603324f8907d3505e523c3b5d68fdbfd36e0d47812615f46e2344b0cef83b3952d9e87"},
		{name: "key of 200 bytes", key: []byte(strings.Repeat("conformance-long-secret-", 9)[:200]), timestamp: vectorTimestamp, body: []byte(`{}`),
			want: "fc701fa13c685a41df8635bbe56b41d678dae45ec29efeeed86006e3ee5bfa32315056acfe83414ab832485d06e7f65d03e68e79a607c7ace3d5d60af9b1eb29"},
		{name: "UTF-8 key", key: []byte("khóa-bí-mật"), timestamp: vectorTimestamp, body: []byte(`{}`),
			want: "b674690dc031ee048efd3fd0ae79f8291d1bab825ce07436d3141b5029f9f332ee853925b429203e2d81542d8c202d7673139aa3954a67989488f33213740460"},
	}},
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestVectors(t *testing.T) {
	for _, group := range vectorsBySource {
		for _, v := range group.vectors {
			t.Run(group.source+"/"+v.name, func(t *testing.T) {
				got := hex.EncodeToString(mac(v.key, v.message()))
				if v.timestamp != "" {
					got = Sign(v.key, v.timestamp, v.body)
				}
				if len(got) != 128 {
					t.Fatalf("signature has %d hex digits, want 128", len(got))
				}
				if got[:len(v.want)] != v.want {
					t.Errorf("got  %s\nwant %s", got, v.want)
				}
			})
		}
	}
}

// TestVectorsAgainstOpenSSL recomputes every hard-coded value with the openssl
// command, so a wrong table entry shows up wherever openssl is installed.
func TestVectorsAgainstOpenSSL(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed; the hard-coded vectors in TestVectors still apply")
	}
	for _, group := range vectorsBySource {
		for _, v := range group.vectors {
			t.Run(group.source+"/"+v.name, func(t *testing.T) {
				cmd := exec.Command(openssl, "dgst", "-sha512", "-hmac", string(v.key))
				cmd.Stdin = bytes.NewReader(v.message())
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("openssl: %v", err)
				}
				_, digest, ok := strings.Cut(strings.TrimSpace(string(out)), "= ")
				if !ok || !strings.HasPrefix(digest, v.want) {
					t.Errorf("openssl says %q, the table says %s", out, v.want)
				}
			})
		}
	}
}
