package preflight

// The guide's steps, quoted from docs/ocb-open-api-registration.vi.txt [seed].
const (
	guideStep5 = "Bước 5: … Tại mục Application OAuth Redirect URL(s): nhập đường dẫn https://bankhubapi.misa.com.vn/callback/handler/OCB"
	guideStep6 = "Bước 6: Chương trình sẽ tạo ra 2 key một lần duy nhất và không thể tự lấy lại được. Vì vậy, cần copy các key trên và lưu lại để sử dụng cho bước Kết nối phần kế toán MISA SME.NET với ngân hàng OCB"
	guideStep7 = "Bước 7: … Lần lượt thực hiện subscribe các package được sử dụng trong BankHub theo danh sách trên (Lưu ý: Bắt buộc subscribe cho cả 5 package). … Chọn Default Plan trong danh sách và nhấn Select this Plan"
	guideStep8 = "Bước 8: Liên hệ với bộ phận chăm sóc khách hàng của MISA hoặc gọi điện trực tiếp lên hotline của OCB 1800 6678 để thông báo đã đăng ký application trên Open API, muốn OCB phê duyệt app và cấp tài khoản."
	guideStep9 = "Bước 9: Sau khi OCB liên hệ ký kết hợp đồng và cung cấp tài khoản qua email, doanh nghiệp tiến hành Kết nối với ngân hàng điện tử OCB trên SME. (Sử dụng tài khoản được OCB cung cấp)."
)

// MISARedirectURL is what step 5 registers [seed].
const MISARedirectURL = "https://bankhubapi.misa.com.vn/callback/handler/OCB"
