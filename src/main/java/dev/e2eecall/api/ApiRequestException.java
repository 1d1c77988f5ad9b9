package dev.e2eecall.api;

/** A request to the API whose form is wrong (its body), with a message for the client's developer. */
class ApiRequestException extends RuntimeException {

    ApiRequestException(String message) {
        super(message);
    }
}
