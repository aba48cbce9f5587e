import SitegenCore
import XCTest

/// JavaScript: comments and whitespace go, meaning stays. Each test is named after the hazard it guards.
final class JSMinifierTests: XCTestCase {
    func testCommentsAndIndentationGo() {
        assertMinifies("// head\nfunction f ( a , b ) {\n  /* sum */\n  return a + b ;\n}\n", to: "function f(a,b){return a+b;}", as: .js)
    }

    func testLicenseCommentsStayWithTheirLineBreaks() {
        assertMinifies("/*! jQuery v3 | MIT */\n(function () {\n  /* @license MIT */ var a = 1;\n})();", to: "/*! jQuery v3 | MIT */\n(function(){\n/* @license MIT */var a=1;})();", as: .js)
    }

    func testStringsKeepTheirContent() {
        assertMinifies(#"var s = "a  // not a comment /* nor this */" + 'it\'s  ' + "\\";"#,
                       to: #"var s="a  // not a comment /* nor this */"+'it\'s  '+"\\";"#, as: .js)
    }

    func testStringLineContinuationStays() {
        assertMinifies("var s = 'a\\\n   b';", to: "var s='a\\\n   b';", as: .js)
    }

    func testTemplateLiteralWithNestedSubstitutionsAndBraces() {
        let source = "const t = `a  ${ x ? `in ${ { k : 1 }.k }` : '}' }  b ${ y }`;\nlet z = 1"
        assertMinifies(source, to: "const t=`a  ${x?`in ${{k:1}.k}`:'}'}  b ${y}`;let z=1", as: .js)
    }

    /// After an identifier a `/` divides, even on the next line: `a = b\n/re/g` is `a = b / re / g`.
    func testSlashOnNextLineAfterIdentifierIsDivision() {
        assertMinifies("a = b\n/re/g.exec(c)", to: "a=b/re/g.exec(c)", as: .js)
    }

    func testTemplateFollowedByDivision() {
        assertMinifies("x = `${a}` / 2 / b", to: "x=`${a}`/2/b", as: .js)
    }

    func testRegexAfterAssignmentAndDivisionAfterIdentifier() {
        assertMinifies("x = /re  [/]/g; y = a / b / c;", to: "x=/re  [/]/g;y=a/b/c;", as: .js)
    }

    func testDivisionAfterPostfixIncrement() {
        assertMinifies("r = a++ / 2 / b", to: "r=a++/2/b", as: .js)
    }

    func testRegexAfterKeywords() {
        assertMinifies("function f(s) { return /a b/.test(s) }\nif (typeof /x/ === 'object') {}",
                       to: "function f(s){return/a b/.test(s)}\nif(typeof/x/==='object'){}", as: .js)
    }

    func testDivisionAfterParenthesesBracketsAndNumbers() {
        assertMinifies("q = (a) / 2 + b[0] / 3 + 4 / 5", to: "q=(a)/2+b[0]/3+4/5", as: .js)
    }

    func testRegexAfterControlStatementHead() {
        assertMinifies("if (a) /b c/.exec(d)", to: "if(a)/b c/.exec(d)", as: .js)
    }

    func testRegexAfterBlockButDivisionAfterObjectLiteral() {
        assertMinifies("{}\n/a b/.test(c)\nx = {} / 2", to: "{}\n/a b/.test(c)\nx={}/2", as: .js)
    }

    func testDivisionThenRegexKeepsSpaceSoNoCommentForms() {
        assertMinifies("x = a / /re/.source.length", to: "x=a/ /re/.source.length", as: .js)
    }

    func testRegexFlagsKeepSpaceBeforeKeyword() {
        assertMinifies("ok = /a/g instanceof RegExp", to: "ok=/a/g instanceof RegExp", as: .js)
        assertMinifies("ok = /a/ in o", to: "ok=/a/ in o", as: .js)
    }

    func testASIReturnKeepsLineBreak() {
        assertMinifies("function f() {\n  return\n  42\n}", to: "function f(){return\n42}", as: .js)
    }

    func testASIBreakContinueThrowYieldKeepLineBreak() {
        assertMinifies("for (;;) { break\n  out }", to: "for(;;){break\nout}", as: .js)
        assertMinifies("for (;;) { continue\n  out }", to: "for(;;){continue\nout}", as: .js)
        assertMinifies("function* g() { yield\n  a }", to: "function*g(){yield\na}", as: .js)
        assertMinifies("throw\n e", to: "throw\ne", as: .js)
    }

    func testASIBeforeIncrementKeepsLineBreak() {
        assertMinifies("a\n++b\nc\n--d", to: "a\n++b\nc\n--d", as: .js)
    }

    func testASINextLineStartingWithParenBracketTemplateSignOrRegex() {
        assertMinifies("a = b\n(c)", to: "a=b\n(c)", as: .js)
        assertMinifies("a = b\n[c]", to: "a=b\n[c]", as: .js)
        assertMinifies("a = b\n`t`", to: "a=b\n`t`", as: .js)
        assertMinifies("a = b\n+c", to: "a=b\n+c", as: .js)
        assertMinifies("a = b\n-c", to: "a=b\n-c", as: .js)
        assertMinifies("}\n/re/g.exec(c)", to: "}\n/re/g.exec(c)", as: .js)
    }

    func testASIBetweenStatementsKeepsLineBreak() {
        assertMinifies("let a = 1\nlet b = 2\nf()\n}\ng()", to: "let a=1\nlet b=2\nf()}\ng()", as: .js)
    }

    func testLineBreaksJoinedAfterOperatorsAndBeforeContinuations() {
        assertMinifies("x = a +\n  b,\n  c = {\n  d: 1\n}\n  .e\n  .f(\n  g\n)\n  && h", to: "x=a+b,c={d:1}.e.f(g)&&h", as: .js)
    }

    func testMultiLineCommentCountsAsLineBreak() {
        assertMinifies("return /* a\n b */ x", to: "return\nx", as: .js)
    }

    func testSpaceKeptBetweenWords() {
        assertMinifies("var  a = typeof  b ; if ( c in d ) new   E", to: "var a=typeof b;if(c in d)new E", as: .js)
    }

    func testPlusPlusAndMinusMinusDoNotMerge() {
        assertMinifies("a + +b; a - -b; a + ++b; a - --b; a++ + b; a-- - b", to: "a+ +b;a- -b;a+ ++b;a- --b;a++ +b;a-- -b", as: .js)
    }

    func testNumberBeforeDotKeepsSpace() {
        assertMinifies("x = 1 .toString() + 1.5 .toFixed()", to: "x=1 .toString()+1.5 .toFixed()", as: .js)
    }

    func testNumbersInEveryForm() {
        assertMinifies("x = [0x1F , 1e-5 , .5 , 1_000n , 2E+3 , 0b101]", to: "x=[0x1F,1e-5,.5,1_000n,2E+3,0b101]", as: .js)
    }

    func testOptionalChainingVersusConditionalWithDecimal() {
        assertMinifies("x = a ?. b ; y = c ? .5 : 1", to: "x=a?.b;y=c?.5:1", as: .js)
    }

    func testHTMLCommentsInScriptsAreLineComments() {
        assertMinifies("<!-- hide\nx = 1\n--> end\ny = 2", to: "x=1\ny=2", as: .js)
    }

    func testNoHTMLCommentMadeFromParts() {
        assertMinifies("x = a < ! --b", to: "x=a< !--b", as: .js)
        assertMinifies("x = a-- > b", to: "x=a-- >b", as: .js)
    }

    func testUnicodeLineSeparatorIsALineBreak() {
        assertMinifies("return\u{2028}x", to: "return\nx", as: .js)
        assertMinifies("var\u{00A0}a\u{FEFF}=\u{3000}1", to: "var a=1", as: .js)
    }

    func testUnicodeIdentifiersStayWhole() {
        assertMinifies("var café = naïve + \\u0061b", to: "var café=naïve+\\u0061b", as: .js)
    }

    func testPrivateNamesAndHashbang() {
        assertMinifies("#!/usr/bin/env node\nclass A { #x = 1; m() { return #x in this } }",
                       to: "#!/usr/bin/env node\nclass A{#x=1;m(){return#x in this}}", as: .js)
    }

    func testArrowFunctionsAndSpread() {
        assertMinifies("const f = ( ...a ) => ( { b : a } )", to: "const f=(...a)=>({b:a})", as: .js)
    }

    func testUnterminatedStringIsReturnedUnchanged() {
        assertUnchanged("var a = 'abc\nvar b = 1", as: .js)
    }

    func testUnterminatedCommentTemplateAndRegexAreReturnedUnchanged() {
        assertUnchanged("var a = 1 /* open", as: .js)
        assertUnchanged("var a = `open ${ b }", as: .js)
        assertUnchanged("var a = /open\n", as: .js)
    }
}
