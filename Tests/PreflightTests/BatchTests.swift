import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightTestSupport
import Testing
@testable import Preflight

/// Manifests, request fields, COS plans, CI renderers, baselines and the gate folder layout.
@Suite struct BatchTests {
    let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))

    func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func link(_ fixture: URL, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: url)
        return url
    }

    @Test func manifestParsesEntriesDefaultsAndRelativePaths() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try write("""
            PathPrefix: https://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/customer-pipeline/100/abc/
            defaults: {SexType: FEMALE}
            submissions:
              - MakeType: IMAGE_GENERAL
                AnchorName: 张三蓝西服
                TimbreInfo: {Speed: 1.2}
                files: {material: takes/a.mp4, identity_pdf: /abs/auth.pdf}
              - name: second
                MakeType: image
                AnchorName: 李四
                IsHaveBackground: true
            """, "studio.yaml", in: dir)
        let m = try Manifest.load(url)
        #expect(m.entries.count == 2)
        #expect(m.pathPrefix?.hasSuffix("/abc/") == true)
        let first = m.entries[0]
        #expect(first.name == "张三蓝西服")
        #expect(first.request.sexType == "FEMALE")
        #expect(first.request.timbreInfo?.speed == "1.2")
        #expect(first.files["material"]?.path == dir.appendingPathComponent("takes/a.mp4").path)
        #expect(first.files["identity_pdf"]?.path == "/abs/auth.pdf")
        #expect(m.entries[1].type == "IMAGE")
        #expect(m.entries[1].name == "second")
        #expect(m.entries[1].request.isHaveBackground == true)
    }

    @Test func manifestErrorsNameTheLine() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try write("submissions:\n  - MakeType: IMAGE\n    AnchorNmae: x\n  - AnchorName: y\n", "bad.yaml", in: dir)
        #expect(throws: RuleFileErrors.self) { try Manifest.load(url) }
        do { _ = try Manifest.load(url) } catch let e as RuleFileErrors {
            let text = e.description
            #expect(text.contains("bad.yaml:3:5") && text.contains("unknown key 'AnchorNmae'") && text.contains("did you mean 'AnchorName'"))
            #expect(text.contains("submission 2 has no MakeType"))
        }
    }

    @Test func requestFieldsAreRules() async throws {
        let rules = try loader.load(type: "IMAGE_GENERAL")
        var r = MakeRequest()
        r.anchorName = "张三 blue!"
        r.sexType = "male"
        r.notes = String(repeating: "注", count: 101)
        r.textDriver = "<speak>你好</speak>"
        r.timbreInfo = .init(speed: "fast")
        r.removeBackground = 3
        let take = Fixture.video("take-1080p25-90s.mp4")
        let report = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": take, "identity_pdf": Fixture.url("pdf/one-page.pdf")], request: r), rules: rules, options: ImageCheckTests.headersOnly)
        let failed = Set(report.findings.filter { $0.severity == .error }.map(\.rule))
        #expect(failed == ["request.anchor_name", "request.sex_type", "request.notes", "request.speed_number", "request.remove_background"])
        // SSML tags count: "<speak>你好</speak>" is 17 characters, within 4…1000.
        #expect(report.checks.first { $0.rule == "request.text_driver" }?.measured == .number(17))
        // The fields are the report's request, not a file: no input for them, no made-up path.
        #expect(report.inputs.map(\.slot) == ["material", "identity_pdf"])
        #expect(report.request?.origin == nil)
        #expect(report.request?.facts["request.anchor_name"] == .text("张三 blue!"))
        #expect(report.checks.filter { $0.slot == "request" }.allSatisfy { $0.file == nil })
        #expect(report.checks.contains { $0.slot == "request" && $0.rule == "request.anchor_name" && $0.status == .fail })

        var good = MakeRequest()
        good.anchorName = "张三_blue-2"
        good.sexType = "FEMALE"
        good.timbreInfo = .init(speed: "1.5")
        let ok = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": take, "identity_pdf": Fixture.url("pdf/one-page.pdf")], request: good), rules: rules, options: ImageCheckTests.headersOnly)
        #expect(ok.verdict == .pass, "\(ok.findings.map(\.rule))")
        #expect(!ok.findings.contains { $0.rule == "request.not_checked" })
        var missing = MakeRequest()
        missing.notes = "only notes"
        let partial = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": take, "identity_pdf": Fixture.url("pdf/one-page.pdf")], request: missing), rules: rules, options: ImageCheckTests.headersOnly)
        #expect(Set(partial.findings.map(\.rule)) == ["request.anchor_name", "request.sex_type"], "once any field is given, required ones are checked")
        // An absent field is told as missing (the rule's `missing`), not as a wrong value "?"; the fix for a
        // wrong name does not apply.
        let name = try #require(partial.findings.first { $0.rule == "request.anchor_name" })
        #expect(name.message.en.hasPrefix("AnchorName is missing") && name.message.zh.hasPrefix("缺少 AnchorName"), "\(name.message)")
        #expect(!name.message.en.contains("?") && name.fix == nil && name.measuredText == "missing")
        #expect(partial.findings.first { $0.rule == "request.sex_type" }?.message.en == "SexType is missing: MALE or FEMALE.")
    }

    @Test func aFileUnderTheRequestSlotIsMisuseNotAProbe() async throws {
        let rules = try loader.load(type: "IMAGE_GENERAL")
        let take = Fixture.video("take-1080p25-90s.mp4")
        let report = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": take, "identity_pdf": Fixture.url("pdf/one-page.pdf"),
                                                                                      "request": Fixture.url("pdf/one-page.pdf")]),
                                           rules: rules, options: ImageCheckTests.headersOnly)
        let misuse = try #require(report.findings.first { $0.slot == "request" })
        #expect(misuse.rule == "input.wrong_kind")
        #expect(misuse.message.en.contains("no 'request' file slot") && misuse.message.en.contains("material"))
        #expect(!misuse.message.en.contains("request,") && report.request == nil)
    }

    @Test func cosLocationsAndNames() {
        let a = COSLocation(pathPrefix: "https://virtualhuman-cos-prod-1251316161.cos.accelerate.myqcloud.com/customer-pipeline/352/59c6f6cd-8f92-45f9-8352-64ca8fb92eaa/")
        #expect(a?.bucket == "virtualhuman-cos-prod-1251316161")
        #expect(a?.region == "accelerate")
        #expect(a?.keyPrefix == "customer-pipeline/352/59c6f6cd-8f92-45f9-8352-64ca8fb92eaa/")
        let b = COSLocation(pathPrefix: "https://cos-test.ap-guangzhou.myqcloud.com/customer-pipeline/123/4506c29b")
        #expect(b?.bucket == "cos-test" && b?.region == "ap-guangzhou")
        #expect(b?.pathPrefix.hasSuffix("4506c29b/") == true)
        #expect(COSLocation(pathPrefix: "https://example.com/x/") == nil)
        #expect(COSPlan.conformingName("张三 正面 (1).JPG") == "张三_正面_1.jpg")
        #expect(COSPlan.conformingName("a.png") == "a_.png")
        #expect(COSPlan.conformingName("take3.mp4") == "take3.mp4")
    }

    @Test func uploadPlanAndMakeRequest() throws {
        let rules = try loader.load(type: "IMAGE")
        var r = MakeRequest()
        r.anchorName = "张三"
        r.sexType = "MALE"
        let s = Submission(type: "IMAGE", files: ["material": URL(fileURLWithPath: "/d/my take.mp4"), "identity_pdf": URL(fileURLWithPath: "/d/auth.pdf")], request: r)
        let location = COSLocation(pathPrefix: "https://b-1.cos.ap-beijing.myqcloud.com/customer-pipeline/1/u/")
        let uploads = COSPlan.uploads(for: s, rules: rules, location: location)
        #expect(uploads.map(\.key) == ["video/my_take.mp4", "idcard/auth.pdf"])
        #expect(uploads.first?.url == "https://b-1.cos.ap-beijing.myqcloud.com/customer-pipeline/1/u/video/my_take.mp4")
        #expect(uploads.first?.bucketKey == "customer-pipeline/1/u/video/my_take.mp4")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(COSPlan.makeRequestJSON(for: s, uploads: uploads).utf8)) as? [String: Any])
        let payload = try #require(json["Payload"] as? [String: Any])
        #expect(json["Header"] as? [String: Any] != nil)
        #expect(payload["MaterialCosUrl"] as? String == uploads.first?.url)
        #expect(payload["IdentityWrittenCosUrl"] as? String == uploads.last?.url)
        #expect(payload["AnchorName"] as? String == "张三" && payload["MakeType"] as? String == "IMAGE")
    }

    func batch(_ submissions: [Submission], strict: Bool = false) async throws -> BatchReport {
        try await BatchCheck(jobs: 2, options: ImageCheckTests.headersOnly, strict: strict).run(submissions) { try loader.load(type: $0) }
    }

    @Test func duplicateAnchorNamesFail() async throws {
        var r = MakeRequest()
        r.anchorName = "张三"
        r.sexType = "MALE"
        let files = ["material": Fixture.video("take-1080p25-90s.mp4"), "identity_pdf": Fixture.url("pdf/one-page.pdf")]
        let report = try await batch([Submission(type: "IMAGE_GENERAL", files: files, request: r, name: "one"),
                                      Submission(type: "IMAGE_GENERAL", files: files, request: r, name: "two")])
        for s in report.submissions {
            #expect(s.findings.map(\.rule) == ["request.anchor_name_unique"], "\(s.findings.map(\.rule))")
        }
        #expect(report.filesMeasured == 2 && report.filesReused == 2)
    }

    @Test func junitHasOneCasePerFileAndRuleAndValidCounts() async throws {
        let report = try await batch([
            Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("take-1080p25-90s.mp4"), "identity_pdf": Fixture.url("pdf/one-page.pdf")], name: "good"),
            Submission(type: "IMAGE", files: ["material": Fixture.video("fps24.mp4")], name: "bad"),
        ])
        let xml = JUnitRenderer(language: .en).render(report)
        let doc = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(doc.rootElement())
        let cases = try root.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(root.attribute(forName: "tests")?.stringValue == String(cases.count))
        let pairs = cases.map { "\($0.attribute(forName: "classname")?.stringValue ?? "")|\($0.attribute(forName: "name")?.stringValue ?? "")" }
        #expect(Set(pairs).count == pairs.count, "no two test cases share classname and name")
        let failures = try root.nodes(forXPath: "//testcase[failure]").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        #expect(Set(failures) == ["slots.authorization", "material.duration", "material.frame_rate"])
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        let suites = try root.nodes(forXPath: "testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.map { $0.attribute(forName: "failures")?.stringValue } == ["0", "3"])
    }

    @Test func githubAnnotationsAreGroupedBeyondTen() async throws {
        let takes = ["fps24.mp4", "fps61.mp4", "res1440p.mp4", "aspect4x3.mp4", "dci4096.mp4", "container.mkv", "container.avi", "long-11min.mp4"]
        let submissions = takes.map { Submission(type: "IMAGE", files: ["material": Fixture.video($0)], name: $0) }
        let report = try await batch(submissions)
        let out = GitHubRenderer(language: .en).render(report)
        let errors = out.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 10)
        #expect(errors.last?.contains("more error annotations not shown") == true)
        #expect(errors.contains { $0.contains("file=") && $0.contains("Fixtures/video/fps24.mp4") && $0.contains("title=fps24.mp4%3A material.frame_rate") })
        #expect(GitHubRenderer.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func markdownIsTruncatedUnderTheLimit() async throws {
        let submissions = (0..<6).map { Submission(type: "IMAGE", files: ["material": Fixture.video("fps24.mp4")], name: "take-\($0)") }
        let report = try await batch(submissions)
        let full = MarkdownRenderer(language: .en).render(report)
        #expect(full.contains("| take-5 | IMAGE | ❌ |"))
        let small = MarkdownRenderer(language: .en, byteLimit: 3000).render(report)
        #expect(small.utf8.count <= 3000)
        #expect(small.contains("Summary truncated"))
        #expect(small.contains("| take-5 | IMAGE | ❌ |"), "the summary table is always complete")
    }

    @Test func baselineWaivesKnownFindingsOnly() async throws {
        var report = try await batch([Submission(type: "IMAGE", files: ["material": Fixture.video("fps24.mp4"), "identity_pdf": Fixture.url("pdf/one-page.pdf")], name: "s")])
        #expect(report.verdict == .fail)
        let baseline = Baseline(from: report)
        #expect(Set(baseline.waivers.map(\.rule)) == ["material.duration", "material.frame_rate"])
        var again = report
        baseline.apply(to: &again)
        #expect(again.verdict == .pass)
        #expect(again.submissions[0].findings.allSatisfy { $0.waived == true || $0.severity == .info })
        // A new problem still fails: drop one waiver.
        var partial = baseline
        partial.waivers.removeAll { $0.rule == "material.frame_rate" }
        partial.apply(to: &report)
        #expect(report.verdict == .fail)
        #expect(report.counts["error"] == 1)
    }

    @Test func gateFolderMapsCOSFoldersToSlots() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("MakeType: IMAGE_GENERAL\nAnchorName: 张三\nSexType: MALE\n", "zhang/submission.yaml", in: dir)
        _ = try link(Fixture.video("take-1080p25-90s.mp4"), "zhang/video/take.mp4", in: dir)
        _ = try link(Fixture.video("take-1080p25-90s.mp4"), "zhang/video/take_alpha.mp4", in: dir)
        _ = try link(Fixture.url("pdf/one-page.pdf"), "zhang/idcard/letter.pdf", in: dir)
        _ = try link(Fixture.video("authorization.mp4"), "zhang/idcard/auth.mp4", in: dir)
        _ = try link(Fixture.video("fps24.mp4"), "li/video/take.mp4", in: dir)
        _ = try link(Fixture.url("pdf/one-page.pdf"), "li/photo/stray.pdf", in: dir)
        let (subs, strays) = try GateFolder.discover(dir, defaultType: "IMAGE") { try loader.load(type: $0) }
        #expect(subs.map(\.name) == ["li", "zhang"])
        let zhang = try #require(subs.last)
        #expect(zhang.type == "IMAGE_GENERAL")
        #expect(zhang.request?.anchorName == "张三")
        #expect(zhang.files.mapValues(\.lastPathComponent) == ["material": "take.mp4", "alpha": "take_alpha.mp4", "identity_pdf": "letter.pdf", "identity": "auth.mp4"])
        #expect(subs.first?.type == "IMAGE", "no submission.yaml: --type")
        #expect(strays.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["stray.pdf"])
        // The stray's reason is its submission's finding, in both languages.
        let finding = try #require(subs.first?.problems.first { $0.file == strays.first?.path })
        #expect(strays.first?.message == finding.message)
        #expect(strays.first?.message.zh.contains("photo") == true && strays.first?.reason == finding.message.en)
    }
}
