package dev.emporium.user;

import dev.emporium.platform.error.Conflict;
import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import dev.emporium.platform.error.NotFound;
import dev.emporium.platform.security.Caller;
import dev.emporium.platform.security.Role;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users: creation, reading, updating and deactivation, with ownership enforced here rather than in resources. */
@ApplicationScoped
public class UserService {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<AccountDeactivated> deactivations;

    @Transactional
    public User create(String username, String email, String password, Role role) {
        String normalisedEmail = Usernames.normaliseEmail(email);
        List<FieldIssue> issues = PasswordPolicy.check(password, normalisedEmail);
        if (!issues.isEmpty()) {
            throw new DomainException(ErrorCode.WEAK_PASSWORD, "The password does not meet the policy", issues);
        }
        String name = username.strip();
        requireFree(name, normalisedEmail, null);
        User user = new User(name, normalisedEmail, hasher.hash(password), role);
        em.persist(user);
        flushUnique();
        return user;
    }

    public Optional<User> findByEmail(String normalisedEmail) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", normalisedEmail).getResultStream().findFirst();
    }

    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** A user the caller may see. Another customer's account answers 404, as if it did not exist. */
    public User visibleTo(Caller caller, UUID id) {
        if (!caller.mayActOn(id)) {
            throw userNotFound();
        }
        return findById(id).orElseThrow(UserService::userNotFound);
    }

    @Transactional
    public User update(Caller caller, UUID id, UserUpdate update) {
        User user = visibleTo(caller, id);
        String name = update.username().strip();
        String email = Usernames.normaliseEmail(update.email());
        requireFree(name, email, user.getId());
        user.setUsername(name);
        user.setEmail(email);
        user.setNames(update.firstName(), update.lastName());
        flushUnique();
        return user;
    }

    /**
     * Soft delete: the account stays (orders refer to it) but cannot log in, and its sessions end (auth observes
     * AccountDeactivated in this transaction).
     */
    @Transactional
    public void deactivate(Caller caller, UUID id) {
        User user = visibleTo(caller, id);
        user.deactivate();
        deactivations.fire(new AccountDeactivated(user.getId()));
    }

    @Transactional
    public User changeRole(UUID id, Role role) {
        User user = findById(id).orElseThrow(UserService::userNotFound);
        user.setRole(role);
        return user;
    }

    /** Users whose username or e-mail contains the search text, newest first. */
    public Page<UserView> list(PageRequest request, String search) {
        String pattern = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = pattern == null ? "" : " where lower(u.username) like :p escape '\\' or u.email like :p escape '\\'";
        TypedQuery<User> query = em.createQuery("select u from User u" + where + " order by u.createdAt desc, u.id", User.class);
        TypedQuery<Long> count = em.createQuery("select count(u) from User u" + where, Long.class);
        if (pattern != null) {
            query.setParameter("p", pattern);
            count.setParameter("p", pattern);
        }
        List<UserView> data = query.setFirstResult(request.offset()).setMaxResults(request.limit())
                .getResultStream().map(UserView::of).toList();
        return request.of(data, count.getSingleResult());
    }

    private void requireFree(String username, String email, UUID self) {
        List<UUID> emailOwners = em.createQuery("select u.id from User u where u.email = :email", UUID.class)
                .setParameter("email", email).getResultList();
        if (emailOwners.stream().anyMatch(owner -> !owner.equals(self))) {
            throw new Conflict(ErrorCode.EMAIL_TAKEN, "This e-mail address is already registered", "email");
        }
        List<UUID> nameOwners = em.createQuery("select u.id from User u where lower(u.username) = :name", UUID.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT)).getResultList();
        if (nameOwners.stream().anyMatch(owner -> !owner.equals(self))) {
            throw new Conflict(ErrorCode.USERNAME_TAKEN, "This username is already taken", "username");
        }
    }

    /** Flushes; a concurrent writer that took the e-mail or username first still gets a 409, not a 500. */
    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String message = String.valueOf(rootCause(e).getMessage());
            if (message.contains("users_email_key")) {
                throw new Conflict(ErrorCode.EMAIL_TAKEN, "This e-mail address is already registered", "email");
            }
            if (message.contains("users_username_key")) {
                throw new Conflict(ErrorCode.USERNAME_TAKEN, "This username is already taken", "username");
            }
            throw e;
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static NotFound userNotFound() {
        return new NotFound(ErrorCode.USER_NOT_FOUND, "No such user");
    }
}
