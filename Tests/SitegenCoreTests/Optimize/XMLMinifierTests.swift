import SitegenCore
import XCTest

/// XML and SVG: comments and indentation go, text stays exactly. Each test is named after the hazard it guards.
final class XMLMinifierTests: XCTestCase {
    func testIndentationAndCommentsGoPrologStays() {
        assertMinifies("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- generated -->\n<urlset xmlns=\"x\">\n  <url>\n    <loc>https://e.com/</loc>\n  </url>\n</urlset>\n",
                       to: "<?xml version=\"1.0\" encoding=\"utf-8\"?><urlset xmlns=\"x\"><url><loc>https://e.com/</loc></url></urlset>", as: .xml)
    }

    func testFeedTextStaysExactlyAsIs() {
        let entry = "<entry>\n  <title>  Two  spaces  </title>\n  <content type=\"html\">&lt;p&gt;Hello\n  world&lt;/p&gt;</content>\n</entry>"
        assertMinifies(entry, to: "<entry><title>  Two  spaces  </title><content type=\"html\">&lt;p&gt;Hello\n  world&lt;/p&gt;</content></entry>", as: .xml)
    }

    func testWhitespaceOnlyElementContentStays() {
        assertMinifies("<a>\n  <b> </b>\n</a>", to: "<a><b> </b></a>", as: .xml)
    }

    func testMixedContentKeepsItsSpaces() {
        assertMinifies("<content type=\"xhtml\"><div>Hello <b>x</b> <i>y</i></div></content>", to: "<content type=\"xhtml\"><div>Hello <b>x</b> <i>y</i></div></content>", as: .xml)
        assertMinifies("<p>Hello <b>x</b> <i>y</i>\n</p>", to: "<p>Hello <b>x</b> <i>y</i>\n</p>", as: .xml)
    }

    func testXMLSpacePreserveRegionsUntouched() {
        assertMinifies("<r>\n  <code xml:space=\"preserve\">\n    <l> a </l>\n    <l/>\n  </code>\n</r>",
                       to: "<r><code xml:space=\"preserve\">\n    <l> a </l>\n    <l/>\n  </code></r>", as: .xml)
    }

    func testCDATAUntouched() {
        assertMinifies("<r>\n  <s><![CDATA[ a  <b>  ]]></s>\n</r>", to: "<r><s><![CDATA[ a  <b>  ]]></s></r>", as: .xml)
    }

    func testDoctypeWithInternalSubsetAndProcessingInstructionsStay() {
        let doctype = "<!DOCTYPE r [\n  <!ENTITY e \"a > b\">\n]>"
        assertMinifies(doctype + "\n<?xml-stylesheet href=\"s.xsl\"?>\n<r>&e;</r>", to: doctype + "<?xml-stylesheet href=\"s.xsl\"?><r>&e;</r>", as: .xml)
    }

    func testWhitespaceInsideTagsCollapsesAttributeValuesStay() {
        assertMinifies("<r\n   a = \"1  2\"\n   b='x > y'  />", to: "<r a=\"1  2\" b='x > y'/>", as: .xml)
    }

    func testSVGIndentationGoesTextElementsStay() {
        assertMinifies("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <title> Logo </title>\n  <g>\n    <path d=\"M0 0 L1 1\"/>\n  </g>\n  <text x=\"0\">A <tspan>b</tspan> c</text>\n</svg>\n",
                       to: "<svg xmlns=\"http://www.w3.org/2000/svg\"><title> Logo </title><g><path d=\"M0 0L1 1\"/></g><text x=\"0\">A <tspan>b</tspan> c</text></svg>", as: .svg)
    }

    func testSVGStyleContentUntouched() {
        assertMinifies("<svg>\n<style>\n  a &gt; b { fill: red }\n</style>\n</svg>", to: "<svg><style>\n  a &gt; b { fill: red }\n</style></svg>", as: .svg)
    }

    func testSVGPathDataRespelledWithTheSameNumbers() {
        assertMinifies("<svg><path d=\"m 6.496094 1 c -0.792969 0 -0.78125 0.035156 -0.53125 1.03125 l 1.50 2.0 z M 0.5 , 0.5 L 1.5e-3 .5 a 1 1 0 0 1 -0.0 1\"/></svg>",
                       to: "<svg><path d=\"m6.496094 1c-.792969 0-.78125.035156-.53125 1.03125l1.5 2z M.5.5L1.5e-3 .5a1 1 0 0 1-0 1\"/></svg>".replacingOccurrences(of: "z M", with: "zM"), as: .svg)
    }

    func testSVGPointsRespelledAndOddPathDataKept() {
        assertMinifies("<svg><polygon points=\"0.0,1.50 2 , 3\"/><path d=\"M 1 1 X 2\"/><path d=\"M1e 2\"/></svg>",
                       to: "<svg><polygon points=\"0 1.5 2 3\"/><path d=\"M 1 1 X 2\"/><path d=\"M1e 2\"/></svg>", as: .svg)
    }

    func testSVGDefaultXMLDeclarationGoesOthersStay() {
        assertMinifies("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg/>", to: "<svg/>", as: .svg)
        assertMinifies("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<svg/>", to: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg/>", as: .svg)
        assertMinifies("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r/>", to: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>", as: .xml)
    }

    func testXMLAttributeNamedDIsNotPathData() {
        assertMinifies("<r d=\"0.50  x\"/>", to: "<r d=\"0.50  x\"/>", as: .xml)
    }

    func testMalformedXMLIsReturnedUnchanged() {
        assertUnchanged("<r>\n  <a href=\"x>\n</r>", as: .xml)
        assertUnchanged("<r>\n <!-- open\n</r>", as: .xml)
        assertUnchanged("<r>\n <![CDATA[ open\n</r>", as: .svg)
        assertUnchanged("<r a=1>\n</r>", as: .xml)
    }
}
