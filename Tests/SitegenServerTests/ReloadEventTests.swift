import XCTest
import SitegenCore
@testable import SitegenServer

final class ReloadEventTests: XCTestCase {
    func testEventsAreFramedAsServerSentEventsWithOneLineOfJSON() {
        XCTAssertEqual(ReloadEvent.hello(server: "abc", build: 3).serverSentEvent,
                       "event: hello\ndata: {\"build\":3,\"server\":\"abc\"}\n\n")
        XCTAssertEqual(ReloadEvent.reload(build: 4, stylesheetsOnly: true, changed: ["assets/css/site.css"]).serverSentEvent,
                       "event: reload\ndata: {\"build\":4,\"changed\":[\"assets/css/site.css\"],\"css\":true}\n\n")
        let error = Diagnostic.error("'draft' must be true or false,\nnot a string", at: SourceLocation(path: "content/a.md", line: 3, column: 8),
                                     sourceLine: "draft: perhaps")
        XCTAssertEqual(ReloadEvent.buildFailed(build: 5, errors: [error]).serverSentEvent, """
            event: build-failed
            data: {"build":5,"errors":[{"column":8,"location":"content/a.md:3:8","message":"'draft' must be true or false,\\nnot a string","severity":"error","source":"draft: perhaps"}]}


            """)
    }

    func testNewStreamsStartFromTheCurrentStateAndGetEveryEvent() async {
        let hub = ReloadHub(serverID: "s1")
        let failure = ReloadEvent.buildFailed(build: 1, errors: [.error("broken", at: SourceLocation(path: "content/a.md"))])
        hub.publish(failure)
        var broken = hub.subscribe().makeAsyncIterator()
        let first = await [broken.next(), broken.next(), broken.next()]
        XCTAssertEqual(first, [ServerSentEvents.preamble, ReloadEvent.hello(server: "s1", build: 1).serverSentEvent, failure.serverSentEvent])

        let fixed = ReloadEvent.reload(build: 2, stylesheetsOnly: false, changed: ["content/a.md"])
        hub.publish(fixed)
        let next = await broken.next()
        XCTAssertEqual(next, fixed.serverSentEvent)
        XCTAssertEqual(hub.streamCount, 1)

        var healthy = hub.subscribe().makeAsyncIterator()
        let start = await [healthy.next(), healthy.next()]
        XCTAssertEqual(start, [ServerSentEvents.preamble, ReloadEvent.hello(server: "s1", build: 2).serverSentEvent])
        hub.heartbeat()
        let beat = await healthy.next()
        XCTAssertEqual(beat, ServerSentEvents.heartbeat)
    }

    func testTheScriptListensOnTheEventsPathAndNeverClosesItsOwnTag() {
        XCTAssertTrue(LiveReload.snippet.contains("new EventSource(\"\(LiveReload.eventsPath)\")"))
        XCTAssertEqual(LiveReload.snippet.components(separatedBy: "</script>").count, 2)
        for event in ["hello", "reload", "build-failed"] {
            XCTAssertTrue(LiveReload.snippet.contains("addEventListener(\"\(event)\""), event)
        }
    }
}
