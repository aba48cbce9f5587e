import SitegenCore
import XCTest

/// HTML: comments, whitespace and attributes, with inline CSS and JS. Each test is named after the hazard it guards.
final class HTMLMinifierTests: XCTestCase {
    func testDocumentSkeleton() {
        assertMinifies("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    <title>Hi</title>\n  </head>\n  <body>\n    <p>Hello</p>\n  </body>\n</html>\n",
                       to: "<!doctype html><html lang=en><head><meta charset=utf-8><title>Hi</title></head><body><p>Hello</p></body></html>", as: .html)
    }

    func testLegacyDoctypeStaysVerbatim() {
        let doctype = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
        assertMinifies(doctype + "\n<p>x</p>", to: doctype + "<p>x</p>", as: .html)
    }

    func testCommentsGoButConditionalCommentsStay() {
        assertMinifies("<p>a<!-- note -->b</p><!--[if lt IE 9]><script src=x.js></script><![endif]--><!--[if !IE]><!--><p>c</p><!--<![endif]-->",
                       to: "<p>ab</p><!--[if lt IE 9]><script src=x.js></script><![endif]--><!--[if !IE]><!--><p>c</p><!--<![endif]-->", as: .html)
    }

    func testEmptyCommentForms() {
        assertMinifies("<p>a<!-->b<!--->c<!---->d</p>", to: "<p>abcd</p>", as: .html)
    }

    func testWhitespaceBetweenInlineElementsCollapsesToOneSpace() {
        assertMinifies("<p>\n  Read <a href=\"/x\">the  docs</a>\n  <em>now</em>,\t<code>a</code>  <span>b</span>\n</p>",
                       to: "<p>Read <a href=/x>the docs</a> <em>now</em>, <code>a</code> <span>b</span></p>", as: .html)
    }

    func testWhitespaceAroundBlockElementsGoes() {
        assertMinifies("<div>\n  <ul>\n    <li> One </li>\n    <li>Two</li>\n  </ul>\n  <p> Text <br> more </p>\n</div>",
                       to: "<div><ul><li>One</li><li>Two</li></ul><p>Text<br>more</p></div>", as: .html)
    }

    func testSpaceInsideInlineElementStaysOnce() {
        assertMinifies("<p>a <b> c </b> d</p>", to: "<p>a <b>c </b>d</p>", as: .html)
    }

    func testWhitespaceAroundImagesAndButtonsStays() {
        assertMinifies("<p>\n  <img src=a.png alt=\"\">\n  <button>Go</button>\n  text\n</p>", to: "<p><img src=a.png alt> <button>Go</button> text</p>", as: .html)
    }

    func testWhitespaceSeenThroughHiddenElements() {
        assertMinifies("<p>a <script>x()</script> b</p>", to: "<p>a<script>x()</script> b</p>", as: .html)
    }

    func testPreformattedTextUntouched() {
        let pre = "<pre>\n  line 1\n    <b>bold  </b>  line 2\n</pre>"
        assertMinifies("<div>\n" + pre + "\n</div>", to: "<div>" + pre + "</div>", as: .html)
    }

    func testTextareaUntouched() {
        assertMinifies("<form> <textarea name=t>\n  a   <b>\n</textarea> </form>", to: "<form><textarea name=t>\n  a   <b>\n</textarea></form>", as: .html)
    }

    func testTemplateScriptsOfUnknownTypeUntouched() {
        let script = "<script type=\"text/template\">\n  <div>  {{ name }}  </div>\n  // not JS\n</script>"
        assertMinifies(script, to: script.replacingOccurrences(of: "\"text/template\"", with: "text/template"), as: .html)
    }

    func testAttributeQuotesDroppedOnlyWhereSafe() {
        assertMinifies("<a href=\"/a/b?c&amp;e\" title=\"two words\" data-x='say \"hi\"' data-y=\"a=b\" data-z=\"`x`\" class=\"\">x</a>",
                       to: "<a href=/a/b?c&amp;e title=\"two words\" data-x='say \"hi\"' data-y=\"a=b\" data-z=\"`x`\" class>x</a>", as: .html)
    }

    func testUnquotedValueEndingInSlash() {
        assertMinifies("<a href=\"/docs/\">x</a><img src=\"a/\" />", to: "<a href=/docs/>x</a><img src=a/>", as: .html)
    }

    func testBooleanAttributesBecomeBare() {
        assertMinifies("<input disabled=\"\" checked=\"checked\" readonly=\"READONLY\"><details open=\"open\" hidden=\"until-found\"></details>",
                       to: "<input disabled checked readonly><details open hidden=until-found></details>", as: .html)
    }

    func testBooleanLookingAttributesOfCustomElementsKeepTheirValues() {
        assertMinifies("<my-player loop=\"loop\"></my-player>", to: "<my-player loop=loop></my-player>", as: .html)
    }

    func testDefaultTypeAttributesGo() {
        assertMinifies("<script type=\"text/javascript\">a = 1</script><style type=\"text/css\">a { b: c }</style><link rel=\"stylesheet\" type=\"text/css\" href=\"s.css\">",
                       to: "<script>a=1</script><style>a{b:c}</style><link rel=stylesheet href=s.css>", as: .html)
    }

    func testInlineStyleAndScriptMinified() {
        assertMinifies("<style>\n  body { color : #FFFFFF ; }\n</style>\n<script>\n  // hi\n  var a = 1 ;\n  return\n  a\n</script>",
                       to: "<style>body{color:#fff}</style><script>var a=1;return\na</script>", as: .html)
    }

    func testModuleScriptsMinifiedAsModules() {
        assertMinifies("<script type=\"module\">\n  import { a } from './a.js' ;\n  x = a <!--b\n</script>",
                       to: "<script type=module>import{a}from'./a.js';x=a< !--b</script>", as: .html)
    }

    func testJSONScriptsMinifiedAsJSON() {
        assertMinifies("<script type=\"application/ld+json\">\n{ \"@type\" : \"Article\" , \"name\" : \"a  b\" }\n</script>",
                       to: "<script type=application/ld+json>{\"@type\":\"Article\",\"name\":\"a  b\"}</script>", as: .html)
    }

    func testInlineScriptThatCannotBeTokenizedStaysAsItWas() {
        assertMinifies("<p> x </p><script>\n  var s = 'open\n</script><p> y </p>", to: "<p>x</p><script>\n  var s = 'open\n</script><p>y</p>", as: .html)
    }

    /// A minified script is checked for `</script` and `<!--` (which change where the script ends) and dropped if
    /// it has them; this one only looks like it would, and stays as written, the cautious side.
    func testMinifiedScriptContainingEndTagTextStaysAsItWas() {
        assertMinifies("<script>var a = \"</scriptx>\";  b()</script>", to: "<script>var a = \"</scriptx>\";  b()</script>", as: .html)
    }

    func testVoidElementsLoseTheirSlashButSVGKeepsIt() {
        assertMinifies("<br/><hr /><svg viewBox=\"0 0 1 1\">\n  <path d=\"M0 0\" />\n  <circle r=\"1\"/>\n</svg>",
                       to: "<br><hr><svg viewBox=\"0 0 1 1\"> <path d=\"M0 0\"/> <circle r=1 /> </svg>", as: .html)
    }

    func testTextContentAndCharacterReferencesUntouched() {
        assertMinifies("<p>a&nbsp;&nbsp;b &lt;c&gt; \u{00A0} d</p>", to: "<p>a&nbsp;&nbsp;b &lt;c&gt; \u{00A0} d</p>", as: .html)
    }

    func testEndTagsNormalized() {
        assertMinifies("<p>x</p   ><div>y</DIV\n>", to: "<p>x</p><div>y</DIV>", as: .html)
    }

    func testLoneLessThanIsText() {
        assertMinifies("<p>a < b and c <= d</p>", to: "<p>a < b and c <= d</p>", as: .html)
    }

    func testUnterminatedTagOrCommentReturnsTheDocumentUnchanged() {
        assertUnchanged("<p> a </p>\n<a href=\"x", as: .html)
        assertUnchanged("<p> a </p>\n<!-- open", as: .html)
        assertUnchanged("<p> a </p>\n<script> x", as: .html)
    }
}
