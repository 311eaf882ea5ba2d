#pragma once

#include "domain/Cadence.h"
#include "domain/Prospect.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTextEdit;
class QTimer;

namespace Touchline {

class Database;

// A cadence step as one prospect would get it: subject and message with their
// placeholders filled in from the prospect chosen in a picker (or a made-up
// example prospect), empty values and unknown placeholders marked in two
// distinct colours and listed below.
class StepPreview : public QWidget
{
    Q_OBJECT
public:
    explicit StepPreview(Database &db, QWidget *parent = nullptr);

    void setStep(const CadenceStep &step);
    void clearStep();
    void setSenderName(const QString &name);
    void setSchedulingLink(const QString &link);

    // Lists the prospects matching the search again (they may have changed).
    void refreshProspects();
    // The prospect shown: 0 for the example prospect.
    qint64 prospectId() const;
    void setProspectId(qint64 prospectId);
    // The text as rendered, for tests and accessibility.
    QString renderedText() const;

    // The made-up prospect of the placeholders' examples.
    static Prospect exampleProspect();

private:
    void render();
    void prospectChosen();

    Database &m_db;
    CadenceStep m_step;
    bool m_hasStep = false;
    QString m_senderName;
    QString m_schedulingLink;
    Prospect m_prospect;

    QLineEdit *m_search = nullptr;
    QComboBox *m_prospects = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTextEdit *m_text = nullptr;
    QLabel *m_issues = nullptr;
};

} // namespace Touchline
