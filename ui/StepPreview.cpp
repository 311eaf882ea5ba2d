#include "StepPreview.h"

#include "PaletteColors.h"
#include "domain/MessageTemplate.h"
#include "storage/ProspectRepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Touchline {

namespace {

constexpr int maxListedProspects = 50;
constexpr int searchDelayMs = 150;

// A marked placeholder's colours on a palette of one kind, dark or light.
struct MarkColors
{
    QColor background;
    QColor text;
    QColor underline; // invalid: not underlined
};

QTextCharFormat markFormat(const QPalette &palette, const MarkColors &dark, const MarkColors &light)
{
    const MarkColors &colors = PaletteColors::isDark(palette) ? dark : light;
    QTextCharFormat format;
    format.setBackground(colors.background);
    format.setForeground(colors.text);
    if (colors.underline.isValid()) {
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(colors.underline);
    }
    return format;
}

// Known placeholders without a value: amber. Unknown ones: red, underlined.
QTextCharFormat emptyFormat(const QPalette &palette)
{
    QTextCharFormat format
        = markFormat(palette, {QColor(0x5c, 0x4a, 0x10), QColor(0xff, 0xe7, 0xa3), QColor()},
            {QColor(0xff, 0xec, 0xb3), QColor(0x6b, 0x4e, 0x00), QColor()});
    format.setFontWeight(QFont::DemiBold);
    return format;
}

QTextCharFormat unknownFormat(const QPalette &palette)
{
    return markFormat(palette,
        {QColor(0x5a, 0x1d, 0x1d), QColor(0xff, 0xb3, 0xb3), QColor(0xff, 0x6b, 0x6b)},
        {QColor(0xfd, 0xdc, 0xdc), QColor(0xa4, 0x16, 0x1a), QColor(0xc0, 0x1c, 0x28)});
}

QString colorName(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

} // namespace

StepPreview::StepPreview(Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_prospect(exampleProspect())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *pickRow = new QHBoxLayout;
    auto *label = new QLabel(tr("Preview &for:"));
    m_prospects = new QComboBox;
    m_prospects->setObjectName(QStringLiteral("previewProspect"));
    m_prospects->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_prospects->setMinimumContentsLength(16);
    label->setBuddy(m_prospects);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("previewSearch"));
    m_search->setPlaceholderText(tr("Find a prospect…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Every word must appear in the name, company or email"));
    pickRow->addWidget(label);
    pickRow->addWidget(m_prospects, 2);
    pickRow->addWidget(m_search, 1);
    layout->addLayout(pickRow);

    m_text = new QTextEdit;
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Preview of the step for the chosen prospect"));
    layout->addWidget(m_text, 1);

    m_issues = new QLabel;
    m_issues->setObjectName(QStringLiteral("previewIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    layout->addWidget(m_issues);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &StepPreview::refreshProspects);
    connect(m_prospects, &QComboBox::currentIndexChanged, this, &StepPreview::prospectChosen);

    refreshProspects();
    render();
}

Prospect StepPreview::exampleProspect()
{
    QHash<QString, QString> examples;
    for (const TemplatePlaceholder &placeholder : templatePlaceholders())
        examples.insert(placeholder.key, placeholder.example);
    Prospect example;
    example.firstName = examples.value(QStringLiteral("first_name"));
    example.lastName = examples.value(QStringLiteral("last_name"));
    example.company = examples.value(QStringLiteral("company"));
    example.title = examples.value(QStringLiteral("title"));
    example.email = examples.value(QStringLiteral("email"));
    example.phone = examples.value(QStringLiteral("phone"));
    example.linkedInUrl = examples.value(QStringLiteral("linkedin_url"));
    example.ownerName = examples.value(QStringLiteral("owner_name"));
    example.lastTouchAt = QDateTime(QDate(2025, 3, 4), QTime(12, 0));
    return example;
}

void StepPreview::setStep(const CadenceStep &step)
{
    m_step = step;
    m_hasStep = true;
    render();
}

void StepPreview::clearStep()
{
    m_hasStep = false;
    render();
}

void StepPreview::setSenderName(const QString &name)
{
    m_senderName = name;
    render();
}

void StepPreview::setSchedulingLink(const QString &link)
{
    m_schedulingLink = link;
    render();
}

qint64 StepPreview::prospectId() const
{
    return m_prospects->currentData().toLongLong();
}

void StepPreview::setProspectId(qint64 prospectId)
{
    int index = m_prospects->findData(prospectId);
    if (index < 0 && prospectId != 0) {
        // Not among the listed ones: list it.
        Error error;
        if (const std::optional<Prospect> prospect
            = ProspectRepository(m_db).get(prospectId, &error)) {
            m_prospects->addItem(prospect->company.isEmpty()
                    ? prospect->displayName()
                    : tr("%1, %2").arg(prospect->displayName(), prospect->company),
                prospectId);
            index = m_prospects->count() - 1;
        }
    }
    if (index >= 0)
        m_prospects->setCurrentIndex(index);
}

void StepPreview::refreshProspects()
{
    m_searchTimer->stop();
    const qint64 current = m_prospects->count() > 0 ? prospectId() : -1;
    ProspectRepository repository(m_db);
    ProspectQuery query;
    query.search = m_search->text();
    QList<qint64> ids;
    QList<Prospect> prospects;
    Error error;
    if (repository.ids(query, &ids, &error))
        repository.fetch(ids.mid(0, maxListedProspects), &prospects, &error);

    const QSignalBlocker blocker(m_prospects);
    m_prospects->clear();
    const Prospect example = exampleProspect();
    m_prospects->addItem(tr("Example: %1 (made up)").arg(example.displayName()), qint64(0));
    for (const Prospect &prospect : std::as_const(prospects)) {
        m_prospects->addItem(prospect.company.isEmpty()
                ? prospect.displayName()
                : tr("%1, %2").arg(prospect.displayName(), prospect.company),
            prospect.id);
    }
    if (ids.size() > maxListedProspects) {
        m_prospects->addItem(
            tr("%n more: refine the search", nullptr, int(ids.size() - maxListedProspects)),
            qint64(-1));
        // A hint, not a choice.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_prospects->model())) {
            if (QStandardItem *item = model->item(m_prospects->count() - 1))
                item->setEnabled(false);
        }
    }
    // The same prospect as before if still listed; else, while searching or at
    // first, the first real one, which says more than the example.
    int index = current >= 0 && (query.search.isEmpty() || current > 0)
        ? m_prospects->findData(current)
        : -1;
    if (index < 0)
        index = prospects.isEmpty() ? 0 : 1;
    m_prospects->setCurrentIndex(index);
    prospectChosen();
}

void StepPreview::prospectChosen()
{
    const qint64 id = prospectId();
    if (id < 0) { // the "more" line
        m_prospects->setCurrentIndex(0);
        return;
    }
    Error error;
    const std::optional<Prospect> prospect
        = id > 0 ? ProspectRepository(m_db).get(id, &error) : std::nullopt;
    m_prospect = prospect ? *prospect : exampleProspect();
    render();
}

QString StepPreview::renderedText() const
{
    return m_text->toPlainText();
}

void StepPreview::render()
{
    const QPalette &palette = m_text->palette();
    QTextDocument *document = m_text->document();
    document->clear();
    m_issues->clear();
    QTextCursor cursor(document);
    QTextCharFormat plain;
    QTextCharFormat quiet;
    quiet.setForeground(palette.color(QPalette::PlaceholderText));
    quiet.setFontItalic(true);
    if (!m_hasStep) {
        cursor.insertText(tr("Select a step to see it as a prospect would."), quiet);
        return;
    }

    TemplateContext context;
    context.prospect = m_prospect;
    context.senderName = m_senderName;
    context.schedulingLink = m_schedulingLink;
    QStringList empty;
    QStringList unknown;
    const QTextCharFormat emptyStyle = emptyFormat(palette);
    const QTextCharFormat unknownStyle = unknownFormat(palette);
    const auto insert = [&](const QString &text, const QTextCharFormat &base) {
        const RenderedTemplate rendered = renderTemplate(text, context);
        struct Mark
        {
            RenderedSpan span;
            bool known;
        };
        QList<Mark> marks;
        for (const RenderedSpan &span : rendered.empty) {
            marks.append({span, true});
            if (!empty.contains(span.key))
                empty.append(span.key);
        }
        for (const RenderedSpan &span : rendered.unknown) {
            marks.append({span, false});
            if (!unknown.contains(span.key))
                unknown.append(span.key);
        }
        std::sort(marks.begin(), marks.end(),
            [](const Mark &a, const Mark &b) { return a.span.start < b.span.start; });
        int from = 0;
        for (const Mark &mark : std::as_const(marks)) {
            cursor.insertText(rendered.text.mid(from, mark.span.start - from), base);
            QTextCharFormat format = base;
            format.merge(mark.known ? emptyStyle : unknownStyle);
            format.setToolTip(mark.known
                    ? tr("No %1 for this prospect: fill it in before sending, or reword.")
                          .arg(mark.span.key)
                    : tr("Unknown placeholder: it would be sent as written."));
            cursor.insertText(rendered.text.mid(mark.span.start, mark.span.length), format);
            from = mark.span.start + mark.span.length;
        }
        cursor.insertText(rendered.text.mid(from), base);
    };

    QTextCharFormat label;
    label.setForeground(palette.color(QPalette::PlaceholderText));
    if (m_step.channel == TouchChannel::Email) {
        cursor.insertText(tr("Subject: "), label);
        QTextCharFormat subject;
        subject.setFontWeight(QFont::Bold);
        if (m_step.subject.trimmed().isEmpty())
            cursor.insertText(tr("(no subject)"), quiet);
        else
            insert(m_step.subject, subject);
        cursor.insertBlock();
        cursor.insertBlock();
    } else if (m_step.channel == TouchChannel::Phone) {
        cursor.insertText(
            tr("Talking points for a call to %1").arg(m_prospect.displayName()), label);
        cursor.insertBlock();
        cursor.insertBlock();
    }
    if (m_step.body.trimmed().isEmpty())
        cursor.insertText(tr("Nothing written for this step yet."), quiet);
    else
        insert(m_step.body, plain);
    m_text->moveCursor(QTextCursor::Start);

    QStringList issues;
    const auto chip = [](const QTextCharFormat &format, const QString &text) {
        return QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
            .arg(colorName(format.background().color()), colorName(format.foreground().color()),
                text.toHtmlEscaped());
    };
    if (!empty.isEmpty())
        issues.append(
            tr("%1 No value for this prospect: %2.")
                .arg(chip(emptyStyle, tr("[empty]")), empty.join(tr(", ")).toHtmlEscaped()));
    if (!unknown.isEmpty()) {
        QStringList written;
        for (const QString &key : std::as_const(unknown))
            written.append(QStringLiteral("{{") + key + QStringLiteral("}}"));
        issues.append(
            tr("%1 Unknown placeholder, sent as written: %2.")
                .arg(chip(unknownStyle, tr("{{?}}")), written.join(tr(", ")).toHtmlEscaped()));
    }
    m_issues->setText(issues.join(QStringLiteral("<br>")));
    m_issues->setVisible(!issues.isEmpty());
}

} // namespace Touchline
