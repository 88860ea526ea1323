package spec

import (
	"testing"
)

func BenchmarkValidateConfirmVaSuccess(b *testing.B) {
	s := mustLoad(b)
	body := []byte(confirmVaSuccess)
	if fs := s.ValidateResponse("POST", "https://uat-open-api.tingee.vn/v1/confirm-va", 200, jsonHeader, body); len(fs) != 0 {
		b.Fatalf("unexpected findings: %+v", fs)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.ValidateResponse("POST", "https://uat-open-api.tingee.vn/v1/confirm-va", 200, jsonHeader, body)
	}
}

func BenchmarkValidateConfirmVaRequest(b *testing.B) {
	s := mustLoad(b)
	body := `{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`
	r := signedRequest(b, "POST", "https://uat-open-api.tingee.vn/v1/confirm-va", body)
	b.ReportAllocs()
	for b.Loop() {
		if fs := s.ValidateRequest(r, []byte(body)); len(fs) != 0 {
			b.Fatalf("unexpected findings: %+v", fs)
		}
	}
}
