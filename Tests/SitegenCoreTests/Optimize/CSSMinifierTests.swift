import SitegenCore
import XCTest

/// CSS: comments, whitespace and a few safe shortenings. Each test is named after the hazard it guards.
final class CSSMinifierTests: XCTestCase {
    func testCommentsWhitespaceAndLastSemicolonGo() {
        assertMinifies("/* head */\na , b > c {\n  color : red ;\n  margin : 0 auto ;\n}\n\n", to: "a,b>c{color:red;margin:0 auto}", as: .css)
    }

    func testLicenseCommentsStay() {
        assertMinifies("/*! Bootstrap | MIT */\n/* gone */\na { b: c }", to: "/*! Bootstrap | MIT */a{b:c}", as: .css)
    }

    func testDescendantCombinatorKeepsItsSpace() {
        assertMinifies(".a   .b  p { x: y }", to: ".a .b p{x:y}", as: .css)
    }

    func testSpaceBeforePseudoClassIsADescendant() {
        assertMinifies("a :hover, a:not( .b ) :focus { x: y }", to: "a :hover,a:not(.b) :focus{x:y}", as: .css)
    }

    func testAttributeSelectorsWithStrings() {
        assertMinifies("a[ href $= \".pdf\" ], [data-x='a  b' i] { x: y }", to: "a[href $= \".pdf\"],[data-x='a  b' i]{x:y}", as: .css)
    }

    func testSiblingCombinatorsLoseTheirSpaces() {
        assertMinifies("a + b ~ c > d { x: y }", to: "a+b~c>d{x:y}", as: .css)
    }

    func testMediaQueryKeepsSpaceBeforeParenthesis() {
        assertMinifies("@media screen and ( max-width : 600px ) , print { a { b: c } }", to: "@media screen and (max-width:600px),print{a{b:c}}", as: .css)
    }

    func testSupportsNotKeepsItsSpace() {
        assertMinifies("@supports not ( display : grid ) { a { float: left } }", to: "@supports not (display:grid){a{float:left}}", as: .css)
    }

    func testCalcKeepsSpacesAroundPlusAndMinus() {
        assertMinifies("a { width: calc( 100% - ( 2 * 1.50rem ) ); height: min(10px + 2vh, 5em) ; top: clamp(1rem, 2.5vw + 1rem, 3rem) }",
                       to: "a{width:calc(100% - (2 * 1.5rem));height:min(10px + 2vh,5em);top:clamp(1rem,2.5vw + 1rem,3rem)}", as: .css)
    }

    func testZeroUnitsKeptInsideCalc() {
        assertMinifies("a { margin: 0px 0em; width: calc(0px + 1em); padding: 0.0px }", to: "a{margin:0 0;width:calc(0px + 1em);padding:0}", as: .css)
    }

    func testZeroPercentagesAndTimesKeepTheirUnits() {
        assertMinifies("a { width: 0%; transition: opacity 0s; flex: 1 1 0px; flex-basis: 0px }",
                       to: "a{width:0%;transition:opacity 0s;flex:1 1 0px;flex-basis:0px}", as: .css)
    }

    func testLeadingAndTrailingZerosOfNumbers() {
        assertMinifies("a { opacity: 0.50; margin: -0.5em 1.0px 10.250em; line-height: 1.50 }", to: "a{opacity:.5;margin:-.5em 1.0px 10.25em;line-height:1.5}", as: .css)
    }

    func testIntegersStayIntegers() {
        assertMinifies("a { z-index: 10; order: 0 }", to: "a{z-index:10;order:0}", as: .css)
    }

    func testHexColorsShortenedAndLowercased() {
        assertMinifies("a { color: #FFFFFF; background: #AbCdEf; border-color: #11223344 #aabbccdd; fill: #ABC }",
                       to: "a{color:#fff;background:#abcdef;border-color:#1234 #abcd;fill:#abc}", as: .css)
    }

    func testIDSelectorsKeepTheirCase() {
        assertMinifies("#FFFFFF, #Main { color: red }", to: "#FFFFFF,#Main{color:red}", as: .css)
    }

    func testImportantLosesItsSpaces() {
        assertMinifies("a { color: red ! important; b: c !important }", to: "a{color:red!important;b:c!important}", as: .css)
    }

    func testCustomPropertyValuesStayVerbatim() {
        assertMinifies(":root { --gap :  1px  2px ; --empty: ; --json: { \"a\" : 1 }; --x:0.50px }",
                       to: ":root{--gap:1px  2px;--empty:;--json:{ \"a\" : 1 };--x:0.50px}", as: .css)
    }

    func testStringsStayVerbatim() {
        assertMinifies("a::after { content: \"  /* not a comment */  \"; font-family: 'Open  Sans', serif }",
                       to: "a::after{content:\"  /* not a comment */  \";font-family:'Open  Sans',serif}", as: .css)
    }

    func testUnquotedURLContentsStayVerbatim() {
        assertMinifies("a { background: url( img/a%20b.png?x=1#FFFFFF ) no-repeat, url(\"q .png\") }",
                       to: "a{background:url( img/a%20b.png?x=1#FFFFFF ) no-repeat,url(\"q .png\")}", as: .css)
    }

    func testUnicodeRangeNumbersUntouched() {
        assertMinifies("@font-face { unicode-range: U+0025-00FF, u+4?? }", to: "@font-face{unicode-range:U+0025-00FF,u+4??}", as: .css)
    }

    func testEscapedNamesKeepTheSpaceThatEndsAnEscape() {
        assertMinifies(".\\31 0 .a { x: y }", to: ".\\31 0 .a{x:y}", as: .css)
    }

    func testCommentBetweenTwoWordsKeepsThemApart() {
        assertMinifies("a { margin: 1px/**/2px }", to: "a{margin:1px/**/2px}", as: .css)
    }

    func testKeyframesAndNestedRules() {
        assertMinifies("@keyframes spin { from { transform: rotate(0deg) } 50.0% { opacity: 0.5 } }\n.a { & .b { c: d } &:hover { e: f } }",
                       to: "@keyframes spin{from{transform:rotate(0deg)}50.0%{opacity:.5}}.a{& .b{c:d}&:hover{e:f}}", as: .css)
    }

    func testSlashInShorthandsAndGrid() {
        assertMinifies("a { font: 12px / 1.5 serif; grid-area: 1 / 2 / 3 }", to: "a{font:12px/1.5 serif;grid-area:1/2/3}", as: .css)
    }

    func testImportAndCharsetStatements() {
        assertMinifies("@charset \"utf-8\";\n@import url(a.css) screen ;\n", to: "@charset \"utf-8\";@import url(a.css) screen;", as: .css)
    }

    func testIEFilterHashesUntouched() {
        assertMinifies("a { filter: progid:DXImageTransform.Microsoft.gradient(startColorstr=#FFFFFFFF) }",
                       to: "a{filter:progid:DXImageTransform.Microsoft.gradient(startColorstr=#FFFFFFFF)}", as: .css)
    }

    func testUnterminatedStringCommentOrURLIsReturnedUnchanged() {
        assertUnchanged("a { content: \"open }", as: .css)
        assertUnchanged("a { b: c } /* open", as: .css)
        assertUnchanged("a { background: url(a(b).png) }", as: .css)
    }
}
