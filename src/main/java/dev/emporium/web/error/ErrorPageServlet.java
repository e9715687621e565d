package dev.emporium.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the whole WAR (web.xml): what the servlet container itself answers outside JAX-RS (an unknown
 * file, a failure in a filter) leaves in the one error format, never as Liberty's HTML page with exception names.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiError error = StatusErrors.of(status);
        if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
            error = new ApiError(status, error.code(), error.message() + " (incident " + incident + ")", error.details());
        }
        ServletErrors.write(request, response, error);
    }
}
