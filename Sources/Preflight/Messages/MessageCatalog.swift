import Foundation

/// The message catalog: every user-facing text of the library, in Chinese and English, lives in this
/// folder (`Messages/`), one namespace per area (``SettingAdvice`` and the internal `FileText`,
/// `MediaText`, `PDFText`, `BundleText`, `RuleText`, `ManifestText`, `CheckText`, `GateText`,
/// `ReportText`, `FactWords`). Call sites name an entry (`FileText.outOfMemory`,
/// `FileText.noSuchFile(path)`); a text that takes values is a function of them, so the compiler checks
/// every value is given and both languages see the same ones.
///
/// The catalog is Swift rather than a resource file (strings table, JSON): an entry is found by the
/// compiler, not by a key at run time, so a misspelt or missing entry does not build; nothing is read
/// from a bundle when a message is made (the tool links statically and runs without its sources); and a
/// parameterised text stays type-checked. Rule messages are not here: they are in the rule files
/// (`rules/`), which are the rule catalog.
///
/// Library texts name no command-line flag: where a text advises raising a limit it names the setting
/// (``SettingAdvice``), and the command-line tool puts its flag in that place when it prints.
enum MessageCatalog {}
