package dev.emporium.catalog;

import dev.emporium.platform.error.Conflict;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.error.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CategoryService {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    Event<CatalogChanged> changes;

    public List<Category> all() {
        return em.createQuery("select c from Category c left join fetch c.parent order by c.name, c.id", Category.class)
                .getResultList();
    }

    public Category find(UUID id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new NotFound(ErrorCode.CATEGORY_NOT_FOUND, "No such category");
        }
        return category;
    }

    @Transactional
    public Category create(CategoryWrite write) {
        requireFreeSlug(write.slug(), null);
        Category category = new Category(write.name().strip(), write.slug(), parent(write.parentId(), null));
        category.setDescription(write.description() == null ? "" : write.description());
        em.persist(category);
        changes.fire(CatalogChanged.everything());
        return category;
    }

    @Transactional
    public Category update(UUID id, CategoryWrite write) {
        Category category = find(id);
        requireFreeSlug(write.slug(), id);
        category.setName(write.name().strip());
        category.setSlug(write.slug());
        category.setDescription(write.description() == null ? "" : write.description());
        category.setParent(parent(write.parentId(), id));
        changes.fire(CatalogChanged.everything());
        return category;
    }

    /** Only an empty leaf may go: products (archived ones too, which old orders show) and sub-categories keep it. */
    @Transactional
    public void delete(UUID id) {
        Category category = find(id);
        long products = em.createQuery("select count(p) from Product p where p.category = :c", Long.class)
                .setParameter("c", category).getSingleResult();
        if (products > 0) {
            throw new Conflict(ErrorCode.CATEGORY_NOT_EMPTY, "The category still has " + products + " products", "id");
        }
        long children = em.createQuery("select count(c) from Category c where c.parent = :c", Long.class)
                .setParameter("c", category).getSingleResult();
        if (children > 0) {
            throw new Conflict(ErrorCode.CATEGORY_NOT_EMPTY, "The category still has sub-categories", "id");
        }
        em.remove(category);
        changes.fire(CatalogChanged.everything());
    }

    private Category parent(UUID parentId, UUID self) {
        if (parentId == null) {
            return null;
        }
        Category parent = em.find(Category.class, parentId);
        if (parent == null) {
            throw new InvalidInput("parent_id", "no such category");
        }
        for (Category up = parent; up != null; up = up.getParent()) {
            if (up.getId().equals(self)) {
                throw new InvalidInput("parent_id", "would make a cycle");
            }
        }
        return parent;
    }

    private void requireFreeSlug(String slug, UUID self) {
        List<UUID> owners = em.createQuery("select c.id from Category c where c.slug = :slug", UUID.class)
                .setParameter("slug", slug).getResultList();
        if (owners.stream().anyMatch(owner -> !owner.equals(self))) {
            throw new Conflict(ErrorCode.SLUG_TAKEN, "Another category has this slug", "slug");
        }
    }
}
