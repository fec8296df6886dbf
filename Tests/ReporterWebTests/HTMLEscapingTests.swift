import HTMLEscaping
import Testing

@Suite("the shared HTML escaping")
struct HTMLEscapingTests {
    @Test("markup and quotes become references; every other script passes unchanged")
    func escapes() {
        #expect(HTMLEscaping.escape(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTMLEscaping.escape("Sahod ko: ₱12,000 — صاحب العمل") == "Sahod ko: ₱12,000 — صاحب العمل")
    }
}
