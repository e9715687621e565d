package dev.emporium.platform.error;

/** The thing asked for does not exist, or is not the caller's to see (the same answer, so as to tell nothing). */
public class NotFound extends DomainException {

    public NotFound(ErrorCode code, String message) {
        super(code, message);
    }
}
