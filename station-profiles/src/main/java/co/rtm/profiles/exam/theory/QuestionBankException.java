package co.rtm.profiles.exam.theory;

/** A question bank file with a mistake: names the file, the question (when there is one) and the field. */
public final class QuestionBankException extends RuntimeException {
    private final String questionId;
    private final String field;

    public QuestionBankException(String file, String questionId, String field, String problem) {
        super(file + (questionId == null ? "" : ": question " + questionId) + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.questionId = questionId;
        this.field = field;
    }

    /** The question at fault, or null when the problem is with the bank as a whole. */
    public String questionId() { return questionId; }

    /** The field at fault, or null. */
    public String field() { return field; }
}
