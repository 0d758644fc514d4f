package server

import (
	"fmt"
	"os"
	"testing"
)

// launchProbe keeps the consumer the page gives window.launchQueue.setConsumer, so the test can
// call it as Chromium does when the installed app opens a file (manifest file_handlers). Headless
// Chromium cannot install the app or launch it with a file, so the launch itself is the test's; the
// consumer, and everything after it, is the app's. Where the browser has no launchQueue (the File
// Handling API is off), the probe provides one with setConsumer only, as the API defines it.
const launchProbe = `(() => {
  window.__launchNative = "launchQueue" in window;
  const keep = (fn) => { window.__launchConsumer = fn; };
  if (window.launchQueue) {
    const set = window.launchQueue.setConsumer.bind(window.launchQueue);
    window.launchQueue.setConsumer = (fn) => { keep(fn); return set(fn); };
  } else {
    window.launchQueue = { setConsumer: keep };
  }
})()`

// launchFile calls the page's launch consumer with LaunchParams holding one FileSystemFileHandle-like
// object: kind, name and getFile, which resolves to a File.
const launchFile = `(() => {
  const file = new File([%s], %q, {type: %q});
  window.__launchConsumer({targetURL: location.href, files: [{kind: "file", name: file.name, getFile: () => Promise.resolve(file)}]});
  return true;
})()`

// TestE2ELaunchQueueOpensFile opens /import (the manifest's file_handlers action) and hands its
// launch consumer a Markdown file, as the installed app does when the user opens a .md file with it:
// the file lands in the import form with its format, and imports into the reader. A file of another
// type, launched after an in-app navigation, is refused with a message.
func TestE2ELaunchQueueOpensFile(t *testing.T) {
	s := e2eServer(t)
	md, err := os.ReadFile("samples/harbour-council.md")
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, s.URL())
	tb.onNewDocument(launchProbe)
	tb.open("/import")
	tb.waitWasm()
	tb.waitFor("the import page to set a launch consumer", `typeof window.__launchConsumer === "function"`)
	t.Logf("window.launchQueue in this Chromium: %v", eval[bool](tb, `window.__launchNative`))

	eval[bool](tb, fmt.Sprintf(launchFile, jsString(string(md)), "harbour-council.md", "text/markdown"))
	tb.waitFor("the launched file in the form", fmt.Sprintf(`document.getElementById("import-text").value === %s`, jsString(string(md))))
	tb.waitFor("the launched file's message and format", `document.getElementById("import-message").textContent.includes("Read \"harbour-council.md\"") && document.getElementById("import-format").value === "markdown"`)
	tb.click("#import-submit")
	tb.waitFor("the launched file in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)

	// In-app navigation back to /import mounts a new import page, which replaces the consumer.
	eval[bool](tb, `window.__launchConsumer = null; true`)
	tb.click(`.site-header nav a[href="/import"]`)
	tb.waitFor("the new import page to set a launch consumer", `location.pathname === "/import" && typeof window.__launchConsumer === "function"`)
	eval[bool](tb, fmt.Sprintf(launchFile, jsString("%PDF-1.4"), "scan.pdf", "application/pdf"))
	tb.waitFor("the refused launched file", `document.getElementById("import-message").textContent.includes("not a file Verbatim reads")`)
	tb.assertClean()
}
